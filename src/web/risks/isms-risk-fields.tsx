import type { ReactNode } from 'react';
import { ismsRiskRegister } from '../../schema/risks/isms-risk.register.js';
import type { FieldDef } from '../../schema/register/define-register.js';
import { useT } from '../i18n/i18n.js';
import type { RegisterRecord } from '../lib/api-types.js';
import { useMemberNames } from '../lib/members.js';
import { FieldValue } from '../register/field-value.js';
import type { RelatedMap } from '../register/record-select.js';

const fieldDef = (name: string) => ismsRiskRegister.fields[name as keyof typeof ismsRiskRegister.fields] as FieldDef;

/** Some fields of the record as a definition list (long texts across the whole width). */
export function Fields({
  org,
  record,
  names,
  children,
}: {
  org: string;
  record: RegisterRecord;
  names: string[];
  children?: ReactNode;
}) {
  const { td } = useT();
  const memberNames = useMemberNames(org);
  return (
    <dl className="detail__fields">
      {names.map((name) => {
        const def = fieldDef(name);
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
                related={record.related as RelatedMap | undefined}
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
