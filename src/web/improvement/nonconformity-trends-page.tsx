import { Link, getRouteApi } from '@tanstack/react-router';
import { nonconformityRegister } from '../../schema/improvement/nonconformity.register.js';
import { ncTrendsQuerySchema, type NcTrends } from '../../schema/improvement/nonconformity-trends.schema.js';
import { clauseLabel } from '../../schema/internal-audit/isms-requirements.js';
import { useT } from '../i18n/i18n.js';
import { useOrg } from '../lib/session.js';
import { useDocumentTitle } from '../lib/use-document-title.js';
import { optionLabel } from '../register/field-value.js';
import { BarChart, LineChart } from '../ui/charts/index.js';
import { Button } from '../ui/button.js';
import { DateField, Select } from '../ui/fields.js';
import { Form, FormFailureMessage } from '../ui/form.js';
import { PageHeader } from '../ui/page-header.js';
import { QueryState } from '../ui/query-state.js';
import { useForm } from '../ui/use-form.js';
import { useNcTrends } from './nonconformity-api.js';
import { ImprovementBreadcrumb } from './nc-parts.js';
import './improvement.css';

const route = getRouteApi('/o/$org/nonconformities/trends');
const C = nonconformityRegister.collection;

/**
 * Nonconformity trends for management review (9.3, 10.2): found and closed per month or quarter, by source, by the
 * clause not fulfilled, by control, time to close, repeats; the range and the period are chosen above.
 */
export function NcTrendsPage() {
  const { t } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const trends = useNcTrends(org, { by: search.by ?? 'month', from: search.from, to: search.to });
  useDocumentTitle(t('nc.trends.title'), useOrg(org).data?.name);
  const form = useForm({
    initial: { by: search.by ?? 'month', from: search.from ?? '', to: search.to ?? '' },
    schema: ncTrendsQuerySchema,
    toBody: (v) => ({ by: v.by, ...(v.from ? { from: v.from } : {}), ...(v.to ? { to: v.to } : {}) }),
    check: (v): Record<string, string> => (v.from && v.to && v.from > v.to ? { to: t('nc.trends.toBeforeFrom') } : {}),
    submit: async (body) => {
      await navigate({
        search: { by: body.by === 'quarter' ? 'quarter' : undefined, from: body.from, to: body.to },
      });
    },
  });
  return (
    <section className="page nc-trends" aria-labelledby="page-title">
      <PageHeader
        breadcrumb={<ImprovementBreadcrumb org={org} area="nonconformities" current={t('nc.trends.title')} />}
        title={t('nc.trends.title')}
        description={t('nc.trends.lead')}
      />
      <Form form={form} className="form nc-trends__period" aria-label={t('nc.trends.period')}>
        <div className="form__grid form__grid--inline">
          <Select label={t('nc.trends.by')} {...form.field('by')}>
            <option value="month">{t('nc.trends.byMonth')}</option>
            <option value="quarter">{t('nc.trends.byQuarter')}</option>
          </Select>
          <DateField label={t('nc.trends.from')} {...form.field('from')} />
          <DateField label={t('nc.trends.to')} {...form.field('to')} />
        </div>
        <FormFailureMessage form={form} />
        <div className="form__actions">
          <Button type="submit" variant="primary">
            {t('nc.trends.show')}
          </Button>
        </div>
      </Form>
      <QueryState query={trends}>{(data) => <TrendsBody org={org} data={data} />}</QueryState>
    </section>
  );
}

function TrendsBody({ org, data }: { org: string; data: NcTrends }) {
  const i18n = useT();
  const { t, formatDate, formatNumber } = i18n;
  const days = (v: number | null) => (v === null ? t('common.empty') : t('nc.trends.days', { n: formatNumber(v) }));
  const table = t('nc.trends.showTable');
  const none = t('nc.trends.none');
  return (
    <>
      <p className="nc-trends__range">
        {t('nc.trends.range', { from: formatDate(data.from), to: formatDate(data.to) })}
      </p>
      <div className="nc-tiles">
        <Tile label={t('nc.trends.closedInRange')} value={formatNumber(data.daysToClose.closed)} />
        <Tile label={t('nc.trends.meanToClose')} value={days(data.daysToClose.mean)} />
        <Tile label={t('nc.trends.medianToClose')} value={days(data.daysToClose.median)} />
        <Tile label={t('nc.trends.repeatsRequirement')} value={formatNumber(data.repeats.byRequirement)} />
        <Tile label={t('nc.trends.repeatsControl')} value={formatNumber(data.repeats.byControl)} />
      </div>
      <div className="nc-trends__grid">
        <section className="card nc-trends__wide" aria-label={t('nc.trends.openedClosed')}>
          <LineChart
            title={t('nc.trends.openedClosed')}
            description={t('nc.trends.openedClosedDesc')}
            rows={data.periods}
            categoryKey="period"
            categoryLabel={data.by === 'quarter' ? t('nc.trends.quarter') : t('nc.trends.month')}
            series={[
              { key: 'opened', label: t('nc.trends.opened') },
              { key: 'closed', label: t('nc.trends.closed') },
            ]}
            tableLabel={table}
            empty={none}
          />
        </section>
        <section className="card" aria-label={t('nc.trends.bySource')}>
          <BarChart
            horizontal
            title={t('nc.trends.bySource')}
            rows={data.bySource.map((s) => ({ source: optionLabel(i18n, C, 'source', s.source), count: s.count }))}
            categoryKey="source"
            categoryLabel={t('nc.trends.source')}
            series={[{ key: 'count', label: t('nc.trends.count') }]}
            tableLabel={table}
            empty={none}
          />
        </section>
        <section className="card" aria-label={t('nc.trends.byClause')}>
          <BarChart
            horizontal
            title={t('nc.trends.byClause')}
            description={t('nc.trends.byClauseDesc')}
            rows={data.byClause.map((c) => ({ clause: clauseLabel(c.clause), count: c.count }))}
            categoryKey="clause"
            categoryLabel={t('nc.trends.clause')}
            series={[{ key: 'count', label: t('nc.trends.count') }]}
            tableLabel={table}
            empty={none}
          />
        </section>
        <section className="card nc-trends__wide" aria-label={t('nc.trends.byControl')}>
          <BarChart
            horizontal
            title={t('nc.trends.byControl')}
            rows={data.byControl.map((c) => ({ control: `${c.ref} ${c.title}`, count: c.count }))}
            categoryKey="control"
            categoryLabel={t('nc.trends.control')}
            series={[{ key: 'count', label: t('nc.trends.count') }]}
            tableLabel={table}
            empty={none}
          />
        </section>
      </div>
      <p>
        <Link to="/o/$org/nonconformities" params={{ org }}>
          {t('nc.trends.toRegister')}
        </Link>
      </p>
    </>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <div className="nc-tile">
      <span className="nc-tile__label">{label}</span>
      <span className="nc-tile__value">{value}</span>
    </div>
  );
}
