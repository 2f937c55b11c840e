import { Link } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.js';
import type { ActionRecord } from '../../schema/actions/action.register.js';
import { relatedText } from '../register/record-select.js';
import { recordPath, targetRegister } from '../register/record-targets.js';
import { useRegisterRecord } from '../register/register-api.js';
import type { RegisterDef } from '../../schema/register/define-register.js';

/** "Comes from … RO-005 — …": the record an action comes from, linked, when the UI knows its register. */
export function ActionSource({ org, action }: { org: string; action: ActionRecord }) {
  const register = targetRegister(action.sourceType ?? undefined);
  if (!register || !action.sourceId) return null;
  return <SourceLink org={org} register={register} id={action.sourceId} />;
}

function SourceLink({ org, register, id }: { org: string; register: RegisterDef; id: string }) {
  const { t, td } = useT();
  const source = useRegisterRecord(org, register, id);
  if (!source.data) return null;
  const text = relatedText({ ref: source.data.ref, title: String(source.data[register.titleField] ?? '') });
  const to = recordPath(org, register.entity, id);
  return (
    <p className="alert alert--info">
      {t('actions.plannedFrom', { register: td(register.title) })} {to ? <Link to={to as '/'}>{text}</Link> : text}
    </p>
  );
}
