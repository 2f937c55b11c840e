import { Link, getRouteApi } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import type { Methodology } from '../../schema/risks/methodology.schema.js';
import { useT } from '../i18n/i18n.js';
import { api, orgPath, toQueryString } from '../lib/api-client.js';
import { recordPageSchemaOf } from '../register/register-api.js';
import { riskAssessmentRegister, type RiskAssessmentRecord } from '../../schema/risks/risk-assessment.register.js';
import { useCan, useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { Checkbox, Select } from '../ui/fields.js';
import { Form } from '../ui/form.js';
import { useForm } from '../ui/use-form.js';
import { Breadcrumb } from '../components/breadcrumb.js';
import { DataTable } from '../ui/data-table.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';
import { StandingLevel } from './standings-table.js';
import { Tile } from './tiles.js';
import {
  compareQueryString,
  useComparison,
  useMethodologyInForce,
  useMethodologyVersion,
  type CompareQuery,
} from './risks-api.js';
import type { CompareChange, CompareRow, Comparison } from '../../schema/risks/risks.responses.js';
import './risks.css';
import { Button } from '../ui/button.js';

const route = getRouteApi('/o/$org/risk-assessments/compare');
const GROUPS: CompareChange[] = ['rose', 'added', 'fell', 'removed', 'same'];

/**
 * Two assessment cycles side by side, or one and the register as it stands (27003 6.1.2 b: repeated assessments
 * give comparable results): what was added or removed, what rose or fell, what crossed the acceptance line.
 */
export function AssessmentComparePage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const can = useCan(org);
  useDocumentTitle(t('risk-assessments.compare.title'), useOrg(org).data?.name);
  const closed = useQuery({
    queryKey: ['org', org, 'risk-assessments', 'list', 'closed-for-compare'],
    queryFn: () =>
      api.get(orgPath(org, '/risk-assessments'), recordPageSchemaOf(riskAssessmentRegister), {
        query: { status: 'closed', pageSize: 200, sort: 'startedOn', order: 'desc' },
      }),
    select: (p) => p.items,
  });
  const items = closed.data ?? [];
  // Without a choice in the address: the latest closed cycle against the one before it, or against today.
  const from = search.from ?? (items.length > 1 ? items[1]!.id : items[0]?.id);
  const to = search.to ?? (items.length > 1 ? items[0]!.id : 'current');
  const q: CompareQuery | null = from && to ? { from, to, changesOnly: search.changesOnly !== 'false' } : null;
  const comparison = useComparison(org, q);
  const setQuery = (next: CompareQuery) =>
    void navigate({ search: { from: next.from, to: next.to, changesOnly: next.changesOnly ? undefined : 'false' } });

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader
        breadcrumb={
          <Breadcrumb
            parent={
              <Link to="/o/$org/risk-assessments" params={{ org }}>
                {t('riskAssessments.title')}
              </Link>
            }
            current={t('risk-assessments.compare.title')}
          />
        }
        title={t('risk-assessments.compare.title')}
        description={t('risk-assessments.compare.lead')}
        actions={
          q && can('risk_assessment.export') ? (
            <div className="page__actions" role="group" aria-label={t('register.io')}>
              <a
                className="button button--secondary"
                href={`${orgPath(org, '/risk-assessments/compare/export.csv')}${toQueryString(compareQueryString(q))}`}
                download
              >
                {t('register.exportCsv')}
              </a>
              <a
                className="button button--secondary"
                href={`${orgPath(org, '/risk-assessments/compare/export.xlsx')}${toQueryString(compareQueryString(q))}`}
                download
              >
                {t('register.exportXlsx')}
              </a>
            </div>
          ) : null
        }
      />
      <QueryState
        query={closed}
        empty={
          <>
            <h2>{t('risk-assessments.compare.noneTitle')}</h2>
            <p>{t('risk-assessments.compare.none')}</p>
          </>
        }
        emptyAction={
          <Link to="/o/$org/risk-assessments" params={{ org }}>
            {t('riskAssessments.title')}
          </Link>
        }
      >
        {() =>
          q ? (
            <>
              <CompareForm key={`${q.from}|${q.to}|${q.changesOnly}`} items={items} value={q} onChange={setQuery} />
              <QueryState query={comparison}>
                {(data) => <CompareResult org={org} c={data} changesOnly={q.changesOnly} />}
              </QueryState>
            </>
          ) : null
        }
      </QueryState>
    </section>
  );
}

/**
 * The two cycles to compare. Not a filter bar that applies as it changes: the choice is sent with "Compare", into
 * the address (the page reads it back from there). Keyed by the address, so a new address starts it again.
 */
function CompareForm({
  items,
  value,
  onChange,
}: {
  items: RiskAssessmentRecord[];
  value: CompareQuery;
  onChange: (q: CompareQuery) => void;
}) {
  const { t, formatDate } = useT();
  const form = useForm({
    initial: value,
    toBody: (v: CompareQuery) => v,
    submit: async (q) => onChange(q),
  });
  const option = (a: RiskAssessmentRecord) => (
    <option key={a.id} value={a.id}>
      {`${a.ref} — ${a.title ?? ''} (${a.closedAt ? formatDate(a.closedAt) : ''})`}
    </option>
  );
  return (
    <Form form={form} className="compare-form card" aria-label={t('risk-assessments.compare.choose')}>
      <Select label={t('risk-assessments.compare.from')} {...form.field('from')}>
        {items.map(option)}
      </Select>
      <Select label={t('risk-assessments.compare.to')} {...form.field('to')}>
        <option value="current">{t('risk-assessments.compare.current')}</option>
        {items.map(option)}
      </Select>
      <Checkbox
        label={t('risk-assessments.compare.changesOnly')}
        checked={form.values.changesOnly}
        onChange={(e) => form.set('changesOnly', e.target.checked)}
      />
      <Button type="submit" variant="primary">
        {t('risk-assessments.compare.submit')}
      </Button>
    </Form>
  );
}

function CompareResult({ org, c, changesOnly }: { org: string; c: Comparison; changesOnly: boolean }) {
  const { t } = useT();
  const inForce = useMethodologyInForce(org);
  const recordId = inForce.data?.recordId;
  const before = useMethodologyVersion(org, recordId, c.from.methodologyVersion);
  const after = useMethodologyVersion(org, recordId, c.to.methodologyVersion);
  const s = c.summary;
  const name = (h: Comparison['from']) =>
    h.id === 'current' ? t('risk-assessments.compare.current') : `${h.ref} — ${h.title}`;
  return (
    <>
      <h2 className="compare-heading">
        {t('risk-assessments.compare.heading', { from: name(c.from), to: name(c.to) })}
      </h2>
      <dl className="tiles" aria-label={t('risk-assessments.compare.summary')}>
        <Tile label={t('risk-assessments.change.added')} value={s.added} tone="up" />
        <Tile label={t('risk-assessments.change.removed')} value={s.removed} />
        <Tile label={t('risk-assessments.change.rose')} value={s.rose} tone="up" />
        <Tile label={t('risk-assessments.change.fell')} value={s.fell} tone="down" />
        <Tile label={t('risks.crossed.to_unacceptable')} value={s.toUnacceptable} tone="treat" />
        <Tile label={t('risks.crossed.to_acceptable')} value={s.toAcceptable} tone="ok" />
        <Tile label={t('risk-assessments.compare.unchanged')} value={s.unchanged} />
      </dl>
      {c.methodologyChanged ? (
        <p className="alert alert--info" role="note">
          {t('risk-assessments.compare.methodologyChanged', {
            from: String(c.from.methodologyVersion ?? '—'),
            to: String(c.to.methodologyVersion ?? '—'),
          })}
        </p>
      ) : null}
      {c.rows.length === 0 ? (
        <p className="empty-state empty-state--small" role="status">
          {t(changesOnly ? 'risk-assessments.compare.noChanges' : 'risk-assessments.compare.noRisks')}
        </p>
      ) : (
        GROUPS.map((g) => (
          <ChangeGroup
            key={g}
            org={org}
            change={g}
            rows={c.rows.filter((r) => r.change === g)}
            before={before.data}
            after={after.data}
          />
        ))
      )}
    </>
  );
}

function ChangeGroup({
  org,
  change,
  rows,
  before,
  after,
}: {
  org: string;
  change: CompareChange;
  rows: CompareRow[];
  before: Methodology | undefined;
  after: Methodology | undefined;
}) {
  const { t } = useT();
  if (rows.length === 0) return null;
  const id = `change-${change}`;
  return (
    <section className={`card compare-group compare-group--${change}`} aria-labelledby={id}>
      <h3 id={id} className="card__title">
        {t(`risk-assessments.change.${change}`)} <span className="badge">{rows.length}</span>
      </h3>
      <DataTable
        caption={t(`risk-assessments.change.${change}`)}
        rows={rows}
        rowKey={(r) => r.riskId}
        rowClassName={(r) => (r.crossed ? 'row--crossed' : undefined)}
        columns={[
          {
            id: 'ref',
            header: t('register.ref'),
            cell: (r) => (
              <Link to="/o/$org/risks/$id" params={{ org, id: r.riskId }}>
                {r.ref}
              </Link>
            ),
          },
          { id: 'title', header: t('risks.field.title'), cell: (r) => r.title },
          {
            id: 'before',
            header: t('risk-assessments.compare.before'),
            cell: (r) => <StandingLevel s={r.before} m={before} />,
          },
          {
            id: 'after',
            header: t('risk-assessments.compare.after'),
            cell: (r) => <StandingLevel s={r.after} m={after} />,
          },
          {
            id: 'crossed',
            header: t('risks.rescores.acceptanceLine'),
            cell: (r) =>
              r.crossed ? (
                <strong
                  className={`acceptance ${r.crossed === 'to_acceptable' ? 'acceptance--ok' : 'acceptance--treat'}`}
                >
                  {t(`risks.crossed.${r.crossed}`)}
                </strong>
              ) : (
                <span className="muted">{t('risks.crossed.none')}</span>
              ),
          },
        ]}
      />
    </section>
  );
}
