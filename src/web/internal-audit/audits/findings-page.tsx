import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { internalAuditRegister } from '../../../schema/internal-audit/internal-audit.register.js';
import { clauseLabel } from '../../../schema/internal-audit/isms-requirements.js';
import { useT } from '../../i18n/i18n.js';
import { useCan, useOrg, useSession } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { LiveMessage } from '../../components/status.js';
import { useRegisterRecord } from '../../register/register-api.js';
import { Button } from '../../ui/button.js';
import { DataTable } from '../../ui/data-table.js';
import { PageHeader } from '../../ui/page-header.js';
import { QueryState } from '../../ui/query-state.js';
import { AuditBreadcrumb, AuditNav } from './audit-nav.js';
import { ConclusionPill } from './audit-status.js';
import { itemReference } from './checklist-item.js';
import { RaiseDialog } from './raise-dialog.js';
import { useFindings, type FindingItem } from './raise-api.js';
import './audits.css';

const route = getRouteApi('/o/$org/internal-audits/$id/findings');
const isNc = (f: Pick<FindingItem, 'conclusion'>) => f.conclusion === 'major_nc' || f.conclusion === 'minor_nc';

/**
 * The audit's findings (every conclusion but conforms and not assessed), counted by clause and by control; an NC
 * finding becomes a nonconformity with the follow-up plan agreed with the lead auditor, an observation or OFI an
 * improvement.
 */
export function FindingsPage() {
  const { t, formatDate } = useT();
  const { org, id } = route.useParams();
  const can = useCan(org);
  const me = useSession()?.user.id;
  const audit = useRegisterRecord(org, internalAuditRegister, id);
  const findings = useFindings(org, id);
  const [raising, setRaising] = useState<FindingItem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useDocumentTitle(
    audit.data ? t('audits.findings.docTitle', { ref: audit.data.ref }) : t('internal-audits.title'),
    useOrg(org).data?.name,
  );
  const lead = !!me && audit.data?.leadAuditorId === me;
  const canRaise = can('audit_checklist.raise');

  const action = (f: FindingItem) => {
    if (f.raised)
      return (
        <>
          {f.raised.type === 'nonconformity' ? (
            <Link to="/o/$org/nonconformities/$id" params={{ org, id: f.raised.id }}>
              {f.raised.ref}
            </Link>
          ) : (
            <Link to="/o/$org/improvements/$id" params={{ org, id: f.raised.id }}>
              {f.raised.ref}
            </Link>
          )}
          {f.followUp ? (
            <span className="muted">
              {' '}
              {t('audits.findings.agreed', { who: f.followUp.agreedBy.name, when: formatDate(f.followUp.agreedOn) })}
            </span>
          ) : null}
        </>
      );
    if (!canRaise) return null;
    if (isNc(f))
      return lead ? (
        <Button size="small" variant="primary" onClick={() => setRaising(f)}>
          {t('audits.findings.raiseNc')}
        </Button>
      ) : (
        <span className="muted">{t('audits.findings.leadRaises')}</span>
      );
    return (
      <Button size="small" onClick={() => setRaising(f)}>
        {t('audits.findings.raiseImprovement')}
      </Button>
    );
  };

  return (
    <section className="page internal-audit" aria-labelledby="page-title">
      <AuditBreadcrumb org={org} id={id} current={audit.data?.ref} />
      <PageHeader
        reference={audit.data?.ref}
        title={t('audits.findings.title')}
        description={t('audits.findings.lead')}
      />
      <AuditNav org={org} id={id} current="findings" />
      <LiveMessage>{done}</LiveMessage>
      <QueryState query={findings}>
        {(data) =>
          !data.items.length ? (
            <div className="empty-state">
              <h2>{t('audits.findings.emptyTitle')}</h2>
              <p>{t('audits.findings.emptyIntro')}</p>
            </div>
          ) : (
            <>
              <DataTable
                caption={t('audits.findings.tableCaption')}
                captionShown
                rows={data.items}
                rowKey={(f) => f.id}
                columns={[
                  { id: 'ref', header: t('audits.checklist.clause'), cell: (f) => itemReference(f) ?? '—' },
                  { id: 'title', header: t('audits.checklist.item'), cell: (f) => f.title, rowHeader: true },
                  {
                    id: 'conclusion',
                    header: t('audits.checklist.conclusion'),
                    cell: (f) => <ConclusionPill conclusion={f.conclusion} />,
                  },
                  { id: 'notes', header: t('audits.checklist.notes'), cell: (f) => f.notes ?? '' },
                  { id: 'action', header: t('audits.findings.followUp'), cell: action },
                ]}
              />
              <div className="audit-cards">
                <DataTable
                  caption={t('audits.findings.byClause')}
                  captionShown
                  rows={data.byClause}
                  rowKey={(c) => c.clause}
                  columns={[
                    {
                      id: 'clause',
                      header: t('audits.checklist.clause'),
                      cell: (c) => clauseLabel(c.clause),
                      rowHeader: true,
                    },
                    { id: 'count', header: t('audits.findings.count'), cell: (c) => c.count },
                  ]}
                />
                {data.byControl.length ? (
                  <DataTable
                    caption={t('audits.findings.byControl')}
                    captionShown
                    rows={data.byControl}
                    rowKey={(c) => c.controlRef}
                    columns={[
                      {
                        id: 'control',
                        header: t('audits.findings.control'),
                        cell: (c) => c.controlRef,
                        rowHeader: true,
                      },
                      { id: 'count', header: t('audits.findings.count'), cell: (c) => c.count },
                    ]}
                  />
                ) : null}
              </div>
            </>
          )
        }
      </QueryState>
      {raising ? (
        <RaiseDialog
          org={org}
          auditId={id}
          item={raising}
          onClose={() => setRaising(null)}
          onRaised={(r) => {
            setRaising(null);
            setDone(t('audits.findings.raised', { ref: r.ref }));
          }}
        />
      ) : null}
    </section>
  );
}
