import { useState } from 'react';
import { CHECKLIST_LINK_KINDS, type ChecklistItem } from '../../../schema/internal-audit/internal-audit.register.js';
import { useT } from '../../i18n/i18n.js';
import { useCan } from '../../lib/session.js';
import { ErrorMessage, LiveMessage } from '../../components/status.js';
import { UploadDialog } from '../../evidence/upload-dialog.js';
import { RecordCombobox } from '../../register/record-combobox.js';
import { knownRegisters, recordPath } from '../../register/record-targets.js';
import { Button } from '../../ui/button.js';
import { Select } from '../../ui/fields.js';
import { useChecklistMutations } from './audits-api.js';
import { ExceptionRetry } from './exception-retry.js';
import { conflictsOf } from './independence-ui.js';

type Kind = (typeof CHECKLIST_LINK_KINDS)[number];

/**
 * The item's evidence (files uploaded through the evidence dialog, or evidence already in Rampart), the records
 * sampled and the objects audited: links to Rampart records, added and removed here.
 */
export function ItemLinks({
  org,
  auditId,
  item,
  writable,
}: {
  org: string;
  auditId: string;
  item: ChecklistItem;
  writable: boolean;
}) {
  const { t, td } = useT();
  // uploading a file is an evidence editor's (the auditor role links evidence already in Rampart)
  const canUpload = useCan(org)('evidence.create');
  const { link, unlink } = useChecklistMutations(org, auditId);
  const [uploading, setUploading] = useState(false);
  const [kind, setKind] = useState<Kind>('sample');
  const [entity, setEntity] = useState('control');
  const [done, setDone] = useState<string | null>(null);
  // the last link asked for, to ask again with a justification after an independence refusal
  const [last, setLast] = useState<{ k: Kind; targetType: string; target: { id: string; ref: string } } | null>(null);
  const add = (
    k: Kind,
    targetType: string,
    target: { id: string; ref: string },
    independenceException?: { justification: string },
  ) => {
    setLast({ k, targetType, target });
    link.mutate(
      {
        itemId: item.id,
        kind: k,
        targetType,
        targetId: target.id,
        ...(independenceException ? { independenceException } : {}),
      },
      { onSuccess: () => setDone(t('audits.links.added', { ref: target.ref })) },
    );
  };
  return (
    <div className="item-links">
      <LiveMessage>{done}</LiveMessage>
      {CHECKLIST_LINK_KINDS.map((k) => {
        const rows = item.links.filter((l) => l.kind === k);
        return (
          <div key={k} className="item-links__kind">
            <h3>{td(`audits.links.kind.${k}`)}</h3>
            {rows.length ? (
              <ul aria-label={td(`audits.links.kind.${k}`)}>
                {rows.map((l) => {
                  const to = recordPath(org, l.targetType, l.targetId);
                  const text = `${l.ref} — ${l.title}`;
                  return (
                    <li key={l.id}>
                      {to ? <a href={to}>{text}</a> : text}{' '}
                      {writable ? (
                        <Button
                          size="small"
                          variant="ghost"
                          aria-label={t('audits.links.remove', { ref: l.ref })}
                          disabled={unlink.isPending}
                          onClick={() => unlink.mutate({ itemId: item.id, linkId: l.id })}
                        >
                          ×
                        </Button>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="muted">{t('audits.links.none')}</p>
            )}
          </div>
        );
      })}
      {writable ? (
        <div className="item-links__add">
          {canUpload ? <Button onClick={() => setUploading(true)}>{t('audits.links.upload')}</Button> : null}
          <RecordCombobox
            org={org}
            entity="evidence"
            label={t('audits.links.existingEvidence')}
            exclude={item.links.filter((l) => l.kind === 'evidence').map((l) => l.targetId)}
            onPick={(r) => add('evidence', 'evidence', r)}
          />
          <fieldset className="item-links__record">
            <legend>{t('audits.links.recordTitle')}</legend>
            <Select
              label={t('audits.links.as')}
              value={kind}
              onChange={(e) => setKind(e.target.value === 'object' ? 'object' : 'sample')}
            >
              <option value="sample">{t('audits.links.kind.sample')}</option>
              <option value="object">{t('audits.links.kind.object')}</option>
            </Select>
            <Select label={t('audits.links.register')} value={entity} onChange={(e) => setEntity(e.target.value)}>
              {knownRegisters().map((r) => (
                <option key={r.entity} value={r.entity}>
                  {td(r.title)}
                </option>
              ))}
            </Select>
            <RecordCombobox
              key={entity}
              org={org}
              entity={entity}
              label={t('audits.links.record')}
              exclude={item.links.map((l) => l.targetId)}
              onPick={(r) => add(kind, entity, r)}
            />
          </fieldset>
          {conflictsOf(link.error).length && last ? (
            <ExceptionRetry
              org={org}
              error={link.error}
              busy={link.isPending}
              retryLabel={t('audits.independence.linkWithException', { ref: last.target.ref })}
              onRetry={(exception) => add(last.k, last.targetType, last.target, exception)}
            />
          ) : link.isError ? (
            <ErrorMessage error={link.error} />
          ) : null}
          <UploadDialog
            org={org}
            open={uploading}
            onClose={() => setUploading(false)}
            onUploaded={(result) => {
              setUploading(false);
              add('evidence', 'evidence', result);
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
