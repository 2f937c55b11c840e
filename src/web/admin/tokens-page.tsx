import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { paginated } from '../../schema/common/primitives.js';
import { apiTokenSchema, createdTokenSchema, tokenCreateSchema } from '../../schema/orgs/org.schema.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import type { ApiToken, CreatedToken } from '../lib/api-types.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { DataTable } from '../ui/data-table.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';
import { TokenSecret } from './token-secret.js';
import { Button } from '../ui/button.js';
import { DateField, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';

const route = getRouteApi('/o/$org/tokens');
const tokenPageSchema = paginated(apiTokenSchema);

export function TokensPage() {
  const { t, formatDate, formatDateTime } = useT();
  const { org } = route.useParams();
  const can = useCan(org);
  const queryClient = useQueryClient();
  useDocumentTitle(t('tokens.title'), useOrg(org).data?.name);
  const key = ['org', org, 'tokens'];
  const tokens = useQuery({ queryKey: key, queryFn: () => api.get(orgPath(org, '/tokens'), tokenPageSchema) });
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (body: { name: string; expiresAt?: string }) =>
      api.post(orgPath(org, '/tokens'), body, createdTokenSchema),
    onSuccess: async (tok) => {
      setCreated(tok);
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({
    mutationFn: (tok: ApiToken) => api.delete(orgPath(org, `/tokens/${encodeURIComponent(tok.id)}`)),
    onSuccess: async (_v, tok) => {
      setNotice(t('tokens.revoked', { name: tok.name }));
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });

  const form = useForm({
    initial: { name: '', expiresAt: '' },
    schema: tokenCreateSchema,
    toBody: (v) => ({ name: v.name.trim(), expiresAt: v.expiresAt || undefined }),
    submit: (body) => {
      setNotice(null);
      return create.mutateAsync(body);
    },
    resetOnSuccess: true,
  });

  const status = (tok: ApiToken) =>
    tok.revokedAt
      ? t('tokens.statusRevoked')
      : tok.expiresAt && new Date(tok.expiresAt).getTime() < Date.now()
        ? t('tokens.statusExpired')
        : t('tokens.statusActive');

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader eyebrow={t('nav.group.admin')} title={t('tokens.title')} description={t('tokens.lead')} />
      <LiveMessage>{notice}</LiveMessage>
      {created ? <TokenSecret token={created} onDone={() => setCreated(null)} /> : null}
      {can('tokens.create') ? (
        <Form form={form} className="form card form--inline" aria-labelledby="new-token-title">
          <h2 id="new-token-title" className="card__title">
            {t('tokens.create')}
          </h2>
          <div className="form__grid">
            <TextField label={t('tokens.name')} help={t('tokens.nameHelp')} required {...form.field('name')} />
            <DateField label={t('tokens.expiresAt')} help={t('tokens.expiresHelp')} {...form.field('expiresAt')} />
          </div>
          <FormFailureMessage form={form} />
          <div className="form__actions">
            <Button type="submit" variant="primary" busy={form.submitting}>
              {t('tokens.createSubmit')}
            </Button>
          </div>
        </Form>
      ) : null}
      {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
      <QueryState query={tokens} empty={t('tokens.empty')}>
        {(data) => (
          <DataTable
            caption={t('tokens.title')}
            rows={data.items}
            rowKey={(tok) => tok.id}
            columns={[
              { id: 'name', header: t('tokens.name'), cell: (tok) => tok.name },
              { id: 'prefix', header: t('tokens.prefix'), className: 'mono', cell: (tok) => `${tok.prefix}…` },
              {
                id: 'owner',
                header: t('tokens.owner'),
                cell: (tok) => (
                  <>
                    {tok.userName}
                    {tok.userKind === 'automation' ? <span className="badge">{t('tokens.kindAutomation')}</span> : null}
                  </>
                ),
              },
              { id: 'createdAt', header: t('tokens.createdAt'), cell: (tok) => formatDateTime(tok.createdAt) },
              {
                id: 'expiresAt',
                header: t('tokens.expiresAt'),
                cell: (tok) => (tok.expiresAt ? formatDate(tok.expiresAt) : t('tokens.never')),
              },
              {
                id: 'lastUsed',
                header: t('tokens.lastUsed'),
                cell: (tok) => (tok.lastUsedAt ? formatDateTime(tok.lastUsedAt) : t('tokens.neverUsed')),
              },
              { id: 'status', header: t('tokens.status'), cell: status },
              {
                id: 'actions',
                header: <span className="visually-hidden">{t('common.actions')}</span>,
                className: 'cell-actions',
                cell: (tok) =>
                  tok.revokedAt ? null : (
                    <ConfirmButton
                      label={t('tokens.revoke')}
                      question={t('tokens.revokeQuestion', { name: tok.name })}
                      confirmLabel={t('tokens.revokeConfirm')}
                      busy={revoke.isPending}
                      size="small"
                      onConfirm={() =>
                        revoke.mutateAsync(tok).then(
                          () => undefined,
                          () => undefined,
                        )
                      }
                    />
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}
