import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { tokenCreateSchema } from '../../schema/orgs/org.schema.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath } from '../lib/api-client.js';
import type { ApiToken, CreatedToken, ItemList } from '../lib/api-types.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { ConfirmButton } from '../ui/confirm-button.js';
import { ErrorMessage, LiveMessage, Loading } from '../components/status.js';
import { TokenSecret } from './token-secret.js';
import { Button } from '../ui/button.js';
import { DateField, TextField } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';

const route = getRouteApi('/o/$org/tokens');

export function TokensPage() {
  const { t, formatDate, formatDateTime } = useT();
  const { org } = route.useParams();
  const can = useCan(org);
  const queryClient = useQueryClient();
  useDocumentTitle(t('tokens.title'), useOrg(org).data?.name);
  const key = ['org', org, 'tokens'];
  const tokens = useQuery({ queryKey: key, queryFn: () => api.get<ItemList<ApiToken>>(orgPath(org, '/tokens')) });
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (body: { name: string; expiresAt?: string }) => api.post<CreatedToken>(orgPath(org, '/tokens'), body),
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
      <header className="page__header">
        <div>
          <p className="page__eyebrow">{t('nav.group.admin')}</p>
          <h1 id="page-title">{t('tokens.title')}</h1>
          <p className="page__lead">{t('tokens.lead')}</p>
        </div>
      </header>
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
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <ErrorMessage error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <p className="empty-state empty-state--small">{t('tokens.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('tokens.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.prefix')}</th>
                <th scope="col">{t('tokens.owner')}</th>
                <th scope="col">{t('tokens.createdAt')}</th>
                <th scope="col">{t('tokens.expiresAt')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">{t('tokens.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.items.map((tok) => (
                <tr key={tok.id}>
                  <td>{tok.name}</td>
                  <td className="mono">{tok.prefix}…</td>
                  <td>{tok.userName}</td>
                  <td>{formatDateTime(tok.createdAt)}</td>
                  <td>{tok.expiresAt ? formatDate(tok.expiresAt) : t('tokens.never')}</td>
                  <td>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt) : t('tokens.neverUsed')}</td>
                  <td>{status(tok)}</td>
                  <td className="cell-actions">
                    {tok.revokedAt ? null : (
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
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
