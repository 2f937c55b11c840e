import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { RACI_VALUES, type RaciValue } from '../../schema/leadership/raci.schema.js';
import { useT } from '../i18n/i18n.js';
import { useCan } from '../lib/session.js';
import { orgPath } from '../lib/api-client.js';
import { ErrorMessage, LiveMessage } from '../components/status.js';
import { useRaciMatrix, useSetRaciCell } from './leadership-api.js';
import { QueryState } from '../ui/query-state.js';

/**
 * The RACI matrix (roles × ISMS activities) as an editable grid: every cell is a labelled select, so the whole
 * matrix is usable with the keyboard (Tab between cells, arrows to choose). Headers stay in view while scrolling.
 * Changes are saved one cell at a time; the server refuses a second A for an activity and the message says who has it.
 */
export function RaciGrid({ org }: { org: string }) {
  const { t } = useT();
  const can = useCan(org);
  const matrix = useRaciMatrix(org);
  const setCell = useSetRaciCell(org);
  const [message, setMessage] = useState<string | null>(null);
  const editable = can('raci.update');

  if (matrix.isPending || matrix.isError) return <QueryState query={matrix}>{() => null}</QueryState>;
  const { activities, roles, cells } = matrix.data;
  const value = new Map(cells.map((c) => [`${c.activityId}:${c.roleId}`, c.value]));

  const onChange = async (
    activity: (typeof activities)[number],
    role: (typeof roles)[number],
    next: RaciValue | null,
  ) => {
    setMessage(null);
    try {
      await setCell.mutateAsync({ activityId: activity.id, roleId: role.id, value: next });
      setMessage(
        next
          ? t('raci.saved', { role: role.name, value: next, activity: activity.name })
          : t('raci.cleared', { role: role.name, activity: activity.name }),
      );
    } catch {
      // the error is shown from the mutation state below
    }
  };

  return (
    <div className="raci-panel">
      <div className="raci__toolbar">
        <div>
          <p className="page__lead">{t('raci.lead')}</p>
          <p className="raci__legend muted small">{t('raci.legend')}</p>
        </div>
        <div className="page__actions">
          {can('raci.export') ? (
            <>
              <a className="button button--secondary" href={orgPath(org, '/raci/export.csv')} download>
                {t('register.exportCsv')}
              </a>
              <a className="button button--secondary" href={orgPath(org, '/raci/export.xlsx')} download>
                {t('register.exportXlsx')}
              </a>
            </>
          ) : null}
          {can('isms_activity.create') ? (
            <Link to="/o/$org/isms-activities/new" params={{ org }} className="button button--secondary">
              {t('raci.addActivity')}
            </Link>
          ) : null}
        </div>
      </div>
      {!editable ? <p className="muted">{t('raci.readOnly')}</p> : null}
      <LiveMessage>{message}</LiveMessage>
      {setCell.isError ? <ErrorMessage error={setCell.error} /> : null}
      {activities.length === 0 || roles.length === 0 ? (
        <p className="empty-state empty-state--small">{t('raci.empty')}</p>
      ) : (
        <div className="raci__wrap">
          <table className="raci">
            <caption className="visually-hidden">{t('raci.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('raci.activity')}</th>
                {roles.map((r) => (
                  <th key={r.id} scope="col">
                    <Link to="/o/$org/isms-roles/$id" params={{ org, id: r.id }}>
                      {r.name}
                    </Link>
                    <span className="muted small"> {r.ref}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {activities.map((a) => {
                const hasA = roles.some((r) => value.get(`${a.id}:${r.id}`) === 'A');
                return (
                  <tr key={a.id}>
                    <th scope="row">
                      <Link to="/o/$org/isms-activities/$id" params={{ org, id: a.id }}>
                        {a.name}
                      </Link>
                      {!hasA ? <span className="raci__warn">{t('raci.noAccountable')}</span> : null}
                    </th>
                    {roles.map((r) => {
                      const v = value.get(`${a.id}:${r.id}`) ?? '';
                      return (
                        <td key={r.id} className={v ? `raci__cell--${v}` : undefined}>
                          <select
                            aria-label={t('raci.cellLabel', { role: r.name, activity: a.name })}
                            value={v}
                            disabled={!editable || setCell.isPending}
                            onChange={(e) => void onChange(a, r, RACI_VALUES.find((x) => x === e.target.value) ?? null)}
                          >
                            <option value="">{t('raci.value.empty')}</option>
                            {RACI_VALUES.map((x) => (
                              <option key={x} value={x}>
                                {t(`raci.value.${x}`)}
                              </option>
                            ))}
                          </select>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
