import { useState } from 'react';
import { getRouteApi, Link } from '@tanstack/react-router';
import {
  clauseLabel,
  ISMS_CLAUSE_TITLES,
  ISMS_REQUIREMENTS,
  type IsmsRequirement,
} from '../../../schema/internal-audit/isms-requirements.js';
import { Breadcrumb } from '../../components/breadcrumb.js';
import { useT } from '../../i18n/i18n.js';
import { useOrg } from '../../lib/session.js';
import { useDocumentTitle } from '../../lib/use-document-title.js';
import { TextField } from '../../ui/fields.js';
import { PageHeader } from '../../ui/page-header.js';
import { filterRequirements, groupRequirements } from './requirements-model.js';
import { parseRequirementsSearch } from './programme-search.js';
import './programme.css';

const route = getRouteApi('/o/$org/isms-requirements');

/**
 * The requirements of ISO/IEC 27001:2022 clauses 4–10 as Rampart lists them (the data an audit's checklist and a
 * nonconformity use): the 2022 number, where a reader of the 2013 edition looks, what 2022 added, and which call
 * for documented information; grouped by clause, searchable.
 */
export function RequirementsPage() {
  const { t, formatNumber } = useT();
  const { org } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [text, setText] = useState(search.q ?? '');
  useDocumentTitle(t('ismsRequirements.title'), useOrg(org).data?.name);
  const shown = filterRequirements(ISMS_REQUIREMENTS, text);
  const groups = groupRequirements(shown);
  return (
    <section className="page ap-requirements" aria-labelledby="page-title">
      <PageHeader
        breadcrumb={
          <Breadcrumb parent={<span>{t('nav.group.performance')}</span>} current={t('ismsRequirements.title')} />
        }
        eyebrow={t('ismsRequirements.eyebrow')}
        title={t('ismsRequirements.title')}
        description={t('ismsRequirements.lead')}
      />
      <p>
        <Link to="/o/$org/audit-programme" params={{ org }}>
          {t('ismsRequirements.programmeLink')}
        </Link>
      </p>
      <div className="ap-requirements__search" role="search">
        <TextField
          label={t('ismsRequirements.search')}
          help={t('ismsRequirements.searchHelp')}
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            void navigate({ search: parseRequirementsSearch({ q: e.target.value }), replace: true });
          }}
        />
      </div>
      <p role="status" className="muted">
        {t('ismsRequirements.count', {
          shown: formatNumber(shown.length),
          total: formatNumber(ISMS_REQUIREMENTS.length),
        })}
      </p>
      {groups.length === 0 ? (
        <p className="empty-state empty-state--small">{t('ismsRequirements.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table ap-requirements__table">
            <caption className="visually-hidden">{t('ismsRequirements.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ismsRequirements.column.number')}</th>
                <th scope="col">{t('ismsRequirements.column.number2013')}</th>
                <th scope="col">{t('ismsRequirements.column.text')}</th>
                <th scope="col">{t('ismsRequirements.column.marks')}</th>
              </tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g.clause}>
                <tr>
                  <th scope="rowgroup" colSpan={4} className="ap-requirements__clause">
                    {clauseLabel(g.clause)} {ISMS_CLAUSE_TITLES[g.clause] ?? ''}
                  </th>
                </tr>
                {g.items.map((q) => (
                  <RequirementRow key={q.key} q={q} />
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}

function RequirementRow({ q }: { q: IsmsRequirement }) {
  const { t } = useT();
  return (
    <tr>
      <th scope="row" className="ref">
        {q.item ? `${q.clause} ${q.item})` : q.clause}
      </th>
      <td className="ref">{q.clause2013 ?? <span className="muted">{t('ismsRequirements.no2013')}</span>}</td>
      <td>{q.text}</td>
      <td>
        <ul className="ap-marks">
          {q.since2022 ? <li className="badge">{t('ismsRequirements.since2022')}</li> : null}
          {q.documented ? <li className="badge">{t('ismsRequirements.documented')}</li> : null}
        </ul>
      </td>
    </tr>
  );
}
