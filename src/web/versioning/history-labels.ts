import type { VersionedDef } from '../../schema/versioning/versioned.js';
import { useT } from '../i18n/i18n.js';
import { stageLabel } from './stage-stepper.js';

/** How a record's history names the sections and stages of its versions (instead of their keys). */
export interface HistoryLabels {
  sectionLabel: (key: string) => string | undefined;
  stageText: (stage: string) => string;
}

export function useHistoryLabels(def: VersionedDef): HistoryLabels {
  const { td } = useT();
  return {
    sectionLabel: (key) => {
      const s = def.sections.find((x) => x.key === key);
      return s ? td(s.label) : undefined;
    },
    stageText: (stage) => stageLabel(td, def, stage),
  };
}
