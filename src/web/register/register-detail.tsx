import type { ReactNode } from 'react';
import type { RegisterDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useMemberNames } from '../lib/members.js';
import { FieldValue } from './field-value.js';
import { RecordLinks } from './record-links.js';
import { EvidenceCard } from '../evidence/evidence-card.js';
import type { WithRelated } from './register-api.js';

interface Props {
  org: string;
  register: RegisterDef;
  /** the record as read, with the references and titles of the records its fields point at */
  record: WithRelated<RegisterRecord>;
  /** how to show the other end of a link (a router link for registers the UI knows) */
  renderLinkTarget: (type: string, id: string, text: string) => ReactNode;
  /** entities whose records may be linked to this one from its page (see RecordLinks) */
  linkFrom?: string[] | undefined;
  /** whether a field is worth showing for this record (e.g. an exclusion reason only when excluded); default: all */
  showField?: ((name: string, record: RegisterRecord) => boolean) | undefined;
}

/** Every field of a record, its history stamps, and its links to other records. */
export function RegisterDetail({ org, register, record, renderLinkTarget, linkFrom, showField }: Props) {
  const { t, td } = useT();
  const memberNames = useMemberNames(org);
  const fields = Object.entries(register.fields).filter(([name]) => showField?.(name, record) ?? true);

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
                <FieldValue
                  collection={register.collection}
                  name={name}
                  def={def}
                  value={record[name]}
                  memberNames={memberNames}
                  related={record.related}
                  org={org}
                />
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <aside className="detail__side">
        <RecordStamps org={org} record={record} />
        <RecordLinks
          org={org}
          register={register}
          record={record}
          renderLinkTarget={renderLinkTarget}
          linkFrom={linkFrom}
        />
        {/* every record can carry evidence files; the card shows itself only to those who may read evidence */}
        {register.entity !== 'evidence' ? (
          <EvidenceCard
            org={org}
            type={register.entity}
            id={record.id}
            ref={record.ref}
            archived={!!record.archivedAt}
          />
        ) : null}
      </aside>
    </div>
  );
}

/** Version, creation, last change and archiving of a record, with who did them. */
export function RecordStamps({ org, record }: { org: string; record: RegisterRecord }) {
  const { t, formatDateTime } = useT();
  const memberNames = useMemberNames(org);
  const who = (id: string | null) => (id ? (memberNames.get(id) ?? t('common.unknownMember')) : t('common.system'));
  return (
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
  );
}
