import type { ReactNode } from 'react';
import type { FieldDef, RegisterDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useMemberNames } from '../lib/members.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { FieldValue } from './field-value.js';
import { useRecordLinks } from './register-api.js';
import type { RelatedMap } from './record-select.js';

interface Props {
  org: string;
  register: RegisterDef;
  record: RegisterRecord;
  /** how to show the other end of a link (a router link for registers the UI knows) */
  renderLinkTarget: (type: string, id: string, ref: string) => ReactNode;
}

/** Every field of a record, its history stamps, and its links to other records. */
export function RegisterDetail({ org, register, record, renderLinkTarget }: Props) {
  const { t, td, formatDateTime } = useT();
  const memberNames = useMemberNames(org);
  const fields = Object.entries(register.fields) as Array<[string, FieldDef]>;
  const who = (id: string | null) => (id ? (memberNames.get(id) ?? t('common.unknownMember')) : t('common.system'));

  return (
    <div className="detail">
      <section className="card" aria-labelledby="detail-fields">
        <h2 id="detail-fields" className="card__title">
          {t('register.details')}
        </h2>
        <dl className="detail__fields">
          {fields.map(([name, def]) => (
            <div key={name} className={def.kind === 'longtext' ? 'detail__row detail__row--wide' : 'detail__row'}>
              <dt>{td(def.label)}</dt>
              <dd>
                <FieldValue collection={register.collection} name={name} def={def} value={record[name]} memberNames={memberNames} related={record.related as RelatedMap | undefined} org={org} />
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <aside className="detail__side">
        <section className="card" aria-labelledby="detail-history">
          <h2 id="detail-history" className="card__title">
            {t('register.history')}
          </h2>
          <dl className="detail__meta">
            <dt>{t('register.version')}</dt>
            <dd>{record.version}</dd>
            <dt>{t('register.created')}</dt>
            <dd>{t('register.byOn', { who: who(record.createdBy), when: formatDateTime(record.createdAt) })}</dd>
            <dt>{t('register.updated')}</dt>
            <dd>{t('register.byOn', { who: who(record.updatedBy), when: formatDateTime(record.updatedAt) })}</dd>
            {record.archivedAt ? (
              <>
                <dt>{t('register.archived')}</dt>
                <dd>{formatDateTime(record.archivedAt)}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <RecordLinks org={org} register={register} record={record} renderLinkTarget={renderLinkTarget} />
      </aside>
    </div>
  );
}

function RecordLinks({ org, register, record, renderLinkTarget }: Props) {
  const { t, td } = useT();
  const links = useRecordLinks(org, register.entity, record.id);
  return (
    <section className="card" aria-labelledby="detail-links">
      <h2 id="detail-links" className="card__title">
        {t('register.links')}
      </h2>
      {links.isPending ? (
        <Loading />
      ) : links.isError ? (
        <ErrorMessage error={links.error} onRetry={() => void links.refetch()} />
      ) : links.data.items.length === 0 ? (
        <p className="muted">{t('register.noLinks')}</p>
      ) : (
        <ul className="link-list">
          {links.data.items.map((l) => {
            const outgoing = l.fromId === record.id;
            return (
              <li key={l.id}>
                <span className="link-list__kind">{td(`link.kind.${l.kind}`, undefined, l.kind.replace(/_/g, ' '))}</span>{' '}
                {outgoing ? renderLinkTarget(l.toType, l.toId, l.toRef) : renderLinkTarget(l.fromType, l.fromId, l.fromRef)}
                <span className="muted"> · {outgoing ? t('register.linkOutgoing') : t('register.linkIncoming')}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
