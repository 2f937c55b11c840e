import { useState } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { AutomationAccount } from '../../schema/orgs/automation.schema.js';
import type { CreatedToken } from '../../schema/orgs/org.schema.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { LiveMessage } from '../components/status.js';
import { Button } from '../ui/button.js';
import { DataTable } from '../ui/data-table.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';
import { AddAutomationAccountForm } from './add-automation-account-form.js';
import { useAutomationAccounts } from './automation-api.js';
import { IssueTokenDialog } from './issue-token-dialog.js';
import { TokenSecret } from './token-secret.js';

const route = getRouteApi('/o/$org/automation-accounts');

/**
 * Automation accounts: the non-person members that integrations, CI jobs and scripts act as. Admins add one with a
 * role (never admin) and issue tokens for it here; the tokens are then listed and revoked on the API tokens page.
 */
export function AutomationAccountsPage() {
  const { t, td, formatDateTime } = useT();
  const { org } = route.useParams();
  const can = useCan(org);
  const accounts = useAutomationAccounts(org);
  const [issuing, setIssuing] = useState<AutomationAccount | null>(null);
  const [issued, setIssued] = useState<CreatedToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useDocumentTitle(t('automation.title'), useOrg(org).data?.name);
  const canIssue = can('tokens.manageAll');

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader eyebrow={t('nav.group.admin')} title={t('automation.title')} description={t('automation.lead')} />
      <LiveMessage>{notice}</LiveMessage>
      {issued ? (
        <>
          <TokenSecret token={issued} onDone={() => setIssued(null)} />
          <p className="muted">
            <Link to="/o/$org/tokens" params={{ org }}>
              {t('automation.tokensLink')}
            </Link>
          </p>
        </>
      ) : null}
      <QueryState query={accounts} empty={t('automation.empty')}>
        {(data) => (
          <DataTable
            caption={t('automation.title')}
            rows={data.items}
            rowKey={(a) => a.userId}
            columns={[
              { id: 'name', header: t('automation.name'), rowHeader: true, cell: (a) => a.name },
              { id: 'role', header: t('automation.role'), cell: (a) => td(`role.${a.role}`) },
              { id: 'createdAt', header: t('automation.createdAt'), cell: (a) => formatDateTime(a.createdAt) },
              { id: 'activeTokens', header: t('automation.activeTokens'), cell: (a) => a.activeTokens },
              ...(canIssue
                ? [
                    {
                      id: 'actions',
                      header: <span className="visually-hidden">{t('common.actions')}</span>,
                      className: 'cell-actions',
                      cell: (a: AutomationAccount) => (
                        <Button
                          size="small"
                          aria-label={t('automation.issueLabel', { name: a.name })}
                          onClick={() => {
                            setNotice(null);
                            setIssuing(a);
                          }}
                        >
                          {t('automation.issue')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
      {can('members.manage') ? (
        <AddAutomationAccountForm org={org} onAdded={(a) => setNotice(t('automation.added', { name: a.name }))} />
      ) : null}
      <IssueTokenDialog
        org={org}
        account={issuing}
        onClose={() => setIssuing(null)}
        onIssued={(token) => {
          setIssuing(null);
          setIssued(token);
        }}
      />
    </section>
  );
}
