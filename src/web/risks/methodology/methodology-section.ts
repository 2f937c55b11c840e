import { riskMethodologyVersioned } from '../../../schema/risks/risk-methodology.versioned.js';
import { registerDataSection } from '../../versioning/data-sections.js';
import { describeMethodologyChanges } from './methodology-changes.js';
import { MethodologyEditor } from './methodology-editor.js';
import { MethodologyView } from './methodology-view.js';

/** The methodology's structured section in the generic document UI (editor, view, compare in words). */
registerDataSection(riskMethodologyVersioned.entity, 'methodology', {
  Editor: MethodologyEditor,
  View: MethodologyView,
  describeChanges: describeMethodologyChanges,
});
