import { useRef, useState } from 'react';
import { methodologySchema, type Methodology } from '../../../schema/risks/methodology.schema.js';
import type { DataSection } from '../../../schema/versioning/versioned.js';
import { useT } from '../../i18n/i18n.js';
import type { DataEditorProps } from '../../versioning/data-sections.js';
import { AcceptanceEditor, ApproachEditor } from './criteria-editors.js';
import type { EditorKit } from './editor-kit.js';
import { LevelsEditor } from './levels-editor.js';
import { placeErrors } from './methodology-errors.js';
import { toMethodology, toWorking, type WorkingMethodology } from './methodology-model.js';
import { RuleEditor } from './rule-editor.js';
import { ScaleEditor } from './scale-editor.js';
import { StartingPicker } from './starting-picker.js';
import './methodology.css';

/** The saved value when it is a methodology; else (never expected: the server validates) the section's starting one. */
function readMethodology(value: unknown, section: DataSection): Methodology {
  const parsed = methodologySchema.safeParse(value);
  return parsed.success ? parsed.data : methodologySchema.parse(section.initial);
}

/**
 * The methodology's editor inside the generic draft editor: analysis approach, both scales, the levels of risk, the
 * rule (matrix grid or formula) and the acceptance criteria. It works on its own copy (methodology-model.ts) and
 * hands the value to save up at every change; the draft is validated with methodologySchema on save and each
 * message lands next to its control (methodology-errors.ts), or in the list at the top when it has none.
 */
export function MethodologyEditor({ org, section, value, onChange, errors, onEdited }: DataEditorProps) {
  const { t } = useT();
  const [w, setW] = useState<WorkingMethodology>(() => toWorking(readMethodology(value, section)));
  const [replaced, setReplaced] = useState<string | null>(null);
  // Several changes may come before React renders again: each builds on the latest copy, not a stale one.
  const latest = useRef(w);
  const update = (change: (w: WorkingMethodology) => WorkingMethodology) => {
    const next = change(latest.current);
    latest.current = next;
    setW(next);
    onChange(toMethodology(next));
  };
  const placed = placeErrors(errors, w);
  const kit: EditorKit = {
    w,
    update,
    err: (key) => placed.at[key],
    edited: (key) => placed.sources[key]?.forEach(onEdited),
  };

  return (
    <div className="mx-editor">
      <StartingPicker
        org={org}
        onPick={(m, name) => {
          update(() => toWorking(m));
          for (const path of Object.keys(errors)) onEdited(path);
          setReplaced(name);
        }}
      />
      <div aria-live="polite" role="status" className={replaced ? 'alert alert--info' : 'visually-hidden'}>
        {replaced ? t('riskMethodology.start.done', { name: replaced }) : null}
      </div>
      {placed.general.length ? (
        <div className="alert alert--error">
          <p>{t('riskMethodology.editor.otherErrors')}</p>
          <ul className="mx-error-list">
            {placed.general.map((g) => (
              <li key={g.path}>
                {g.path ? <code>{g.path.split('.').join(' › ')}</code> : null} {g.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ApproachEditor kit={kit} />
      <ScaleEditor kit={kit} scale="likelihood" />
      <ScaleEditor kit={kit} scale="consequence" />
      <LevelsEditor kit={kit} />
      <RuleEditor kit={kit} />
      <AcceptanceEditor kit={kit} />
    </div>
  );
}
