import {
  checklistItemSchema,
  CONCLUSIONS,
  itemPatchSchema,
  type ChecklistItem,
} from '../../../schema/internal-audit/internal-audit.register.js';
import { clauseLabel } from '../../../schema/internal-audit/isms-requirements.js';
import { useT } from '../../i18n/i18n.js';
import { api } from '../../lib/api-client.js';
import { Button } from '../../ui/button.js';
import { Select, TextArea } from '../../ui/fields.js';
import { Form, FormFailureMessage } from '../../ui/form.js';
import { useForm } from '../../ui/use-form.js';
import { ConclusionPill } from './audit-status.js';
import { auditPath, useRefreshAudit } from './audits-api.js';
import { ItemLinks } from './item-links.js';

/** Where the item sits in the standard: "6.1.3 d)", "A.5.15", or nothing for an item the auditor added. */
export function itemReference(item: Pick<ChecklistItem, 'requirementKey' | 'clause' | 'controlRef'>): string | null {
  if (item.requirementKey) return clauseLabel(item.requirementKey);
  if (item.controlRef) return item.controlRef;
  return item.clause ? clauseLabel(item.clause) : null;
}

interface Props {
  org: string;
  auditId: string;
  item: ChecklistItem;
  open: boolean;
  writable: boolean;
  onToggle: () => void;
}

/** One checklist item: its reference, question and conclusion; opened, its conclusion form, evidence and samples. */
export function ChecklistItemRow({ org, auditId, item, open, writable, onToggle }: Props) {
  const { t } = useT();
  const ref = itemReference(item);
  const panelId = `item-${item.id}`;
  return (
    <li className={`checklist-item${open ? ' checklist-item--open' : ''}`}>
      <div className="checklist-item__head">
        {ref ? <span className="checklist-item__ref">{ref}</span> : null}
        <span className="checklist-item__title">{item.title}</span>
        <ConclusionPill conclusion={item.conclusion} />
        {item.links.length ? (
          <span className="muted">{t('audits.checklist.linkCount', { n: item.links.length })}</span>
        ) : null}
        <Button
          size="small"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          aria-label={t(open ? 'audits.checklist.closeItem' : 'audits.checklist.openItem', { title: item.title })}
          onClick={onToggle}
        >
          {open ? t('audits.checklist.close') : writable ? t('audits.checklist.assess') : t('audits.checklist.view')}
        </Button>
      </div>
      {open ? (
        <div id={panelId} className="checklist-item__panel">
          {writable ? (
            <ConclusionForm key={item.version} org={org} auditId={auditId} item={item} />
          ) : item.notes ? (
            <p className="audit-facts__text">{item.notes}</p>
          ) : null}
          <ItemLinks org={org} auditId={auditId} item={item} writable={writable} />
        </div>
      ) : null}
    </li>
  );
}

/** The conclusion and notes, on the version read: another auditor's save first is said, with a reload. */
function ConclusionForm({ org, auditId, item }: { org: string; auditId: string; item: ChecklistItem }) {
  const { t, td } = useT();
  const refresh = useRefreshAudit(org);
  const form = useForm({
    initial: { conclusion: String(item.conclusion), notes: item.notes ?? '' },
    schema: itemPatchSchema,
    versioned: true,
    reload: () => void refresh(),
    toBody: (v) => ({ conclusion: v.conclusion, notes: v.notes.trim() || null, expectedVersion: item.version }),
    submit: (body) =>
      api.patch(auditPath(org, auditId, `/checklist/${encodeURIComponent(item.id)}`), body, checklistItemSchema),
    onSuccess: () => refresh(),
  });
  return (
    <Form form={form} aria-label={t('audits.checklist.formLabel', { title: item.title })} className="form">
      <Select label={t('audits.checklist.conclusion')} {...form.field('conclusion')}>
        {CONCLUSIONS.map((c) => (
          <option key={c} value={c}>
            {td(`audits.conclusion.${c}`)}
          </option>
        ))}
      </Select>
      <TextArea label={t('audits.checklist.notes')} rows={3} {...form.field('notes')} />
      <FormFailureMessage form={form} />
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={form.submitting}>
          {t('audits.checklist.save')}
        </Button>
      </div>
    </Form>
  );
}
