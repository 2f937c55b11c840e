import { Link, getRouteApi } from '@tanstack/react-router';
import type { PackItem } from '../../schema/certification/certification-pack.schema.js';
import { useT } from '../i18n/i18n.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { DataTable, type DataColumn } from '../ui/data-table.js';
import { DateField } from '../ui/fields.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';
import { usePackIndex } from './pack-api.js';
import { PackDownload } from './pack-download.js';
import { needsAttention, packDate, packRecordHref, shortHash, todayUtc } from './pack-status.js';
import { PackLegend, PackStatusChip } from './pack-status-chip.js';
import { PackVerifyPanel } from './pack-verify-panel.js';
import './certification.css';

const route = getRouteApi('/o/$org/certification-pack');

/**
 * The certification pack (7.5; what the ISMS manager hands the certification auditor): the index of every mandatory
 * documented information item as it stood on a day, with each one's status, record, version, approvals and hash;
 * the signed ZIP of that day; and how the auditor verifies it offline.
 */
export function CertificationPackPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  const date = packDate(search.date);
  const index = usePackIndex(org, date);
  useDocumentTitle(t('certification.title'), useOrg(org).data?.name);
  return (
    <section className="page certification-pack" aria-labelledby="page-title">
      <PageHeader
        eyebrow={t('certification.eyebrow')}
        title={t('certification.title')}
        description={t('certification.lead')}
      />
      <div className="filters">
        <DateField
          label={t('certification.date')}
          help={t('certification.dateHelp')}
          value={date}
          max={todayUtc()}
          onChange={(e) => {
            const next = e.target.value;
            // an empty or half-typed date keeps the last good one (the address holds only real days)
            if (/^\d{4}-\d{2}-\d{2}$/.test(next))
              void navigate({ search: { date: next === todayUtc() ? undefined : next } });
          }}
        />
      </div>
      <QueryState query={index} isEmpty={(d) => d.items.length === 0} empty={t('certification.noItems')}>
        {(data) => (
          <>
            <p className="pack-summary">
              {t('certification.summary', {
                included: data.items.filter((i) => i.status === 'included').length,
                total: data.items.length,
                attention: needsAttention(data.items),
              })}
            </p>
            <PackLegend items={data.items} />
            <PackTable org={org} items={data.items} date={date} />
          </>
        )}
      </QueryState>
      <div className="pack-panels">
        <PackDownload org={org} date={date} canDownload={can('certification_pack.read')} />
        <PackVerifyPanel fileName={`${org}-certification-pack-${date}.zip`} />
      </div>
    </section>
  );
}

function PackTable({ org, items, date }: { org: string; items: PackItem[]; date: string }) {
  const { t, formatDate, formatDateTime } = useT();
  const columns: DataColumn<PackItem>[] = [
    { id: 'clause', header: t('certification.col.clause'), cell: (i) => i.clause, rowHeader: true },
    {
      id: 'requirement',
      header: t('certification.col.requirement'),
      className: 'pack-table__requirement',
      cell: (i) => (
        <>
          {i.requirement}
          {i.note ? <span className="pack-table__note muted">{i.note}</span> : null}
        </>
      ),
    },
    { id: 'status', header: t('certification.col.status'), cell: (i) => <PackStatusChip status={i.status} /> },
    {
      id: 'record',
      header: t('certification.col.record'),
      className: 'pack-table__record',
      cell: (i) => {
        if (!i.record) return t('common.empty');
        const href = packRecordHref(org, i.record);
        const text = `${i.record.ref} ${i.record.title}`;
        // The record's module is only known at run time, so the typed route tree cannot check this address.
        return href ? <Link to={href as '/'}>{text}</Link> : text;
      },
    },
    {
      id: 'version',
      header: t('certification.col.version'),
      cell: (i) => (i.version ? t('certification.version', { no: i.version.versionNo }) : t('common.empty')),
    },
    {
      id: 'approval',
      header: t('certification.col.approval'),
      cell: (i) =>
        !i.version ? (
          t('common.empty')
        ) : i.version.approvals.length ? (
          <ul className="pack-table__approvals">
            {i.version.approvals.map((a) => (
              <li key={`${a.signer}-${a.signedAt}`}>
                {t('certification.approver', { signer: a.signer, role: a.role, when: formatDateTime(a.signedAt) })}
              </li>
            ))}
          </ul>
        ) : i.version.approvedAt ? (
          t('certification.approvedOn', { when: formatDateTime(i.version.approvedAt) })
        ) : (
          t('common.empty')
        ),
    },
    {
      id: 'hash',
      header: t('certification.col.hash'),
      cell: (i) =>
        i.version ? (
          <code title={t('certification.hashTitle', { hash: i.version.contentHash })}>
            {shortHash(i.version.contentHash)}
          </code>
        ) : (
          t('common.empty')
        ),
    },
  ];
  return (
    <DataTable
      caption={t('certification.index', { date: formatDate(date) })}
      captionShown
      rows={items}
      rowKey={(i) => `${i.key}:${i.record?.id ?? ''}`}
      columns={columns}
      rowClassName={(i) => `pack-row pack-row--${i.status}`}
    />
  );
}
