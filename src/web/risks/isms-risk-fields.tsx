import type { ReactNode } from 'react';
import { ismsRiskRegister, type IsmsRiskRecord } from '../../schema/risks/isms-risk.register.js';
import { useT } from '../i18n/i18n.js';
import { useMemberNames } from '../lib/members.js';
import { FieldValue } from '../register/field-value.js';
import type { WithRelated } from '../register/register-api.js';

/** Some fields of the record as a definition list (long texts across the whole width). */
export function Fields({
  org,
  record,
  names,
  children,
}: {
  org: string;
  record: WithRelated<IsmsRiskRecord>;
  names: (keyof typeof ismsRiskRegister.fields)[];
  children?: ReactNode;
}) {
  const { td } = useT();
  const memberNames = useMemberNames(org);
  return (
    <dl className="detail__fields">
      {names.map((name) => {
        const def = ismsRiskRegister.fields[name];
        return (
          <div key={name} className={def.kind === 'longtext' ? 'detail__row detail__row--wide' : 'detail__row'}>
            <dt>{td(def.label)}</dt>
            <dd>
              <FieldValue
                collection={ismsRiskRegister.collection}
                name={name}
                def={def}
                value={record[name]}
                memberNames={memberNames}
                related={record.related}
                org={org}
              />
            </dd>
          </div>
        );
      })}
      {children}
    </dl>
  );
}
