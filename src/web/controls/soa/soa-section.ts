import { soaVersioned } from '../../../schema/controls/soa.register.js';
import { registerDataSection } from '../../versioning/data-sections.js';
import { describeSoaChanges } from './soa-lines.js';
import { SoaStatementNote, SoaStatementView } from './soa-statement-view.js';

/** The SoA's lines in the generic document UI: read as a table, never typed in (the server fills them), compared by control. */
registerDataSection(soaVersioned.entity, 'statement', {
  Editor: SoaStatementNote,
  View: SoaStatementView,
  describeChanges: describeSoaChanges,
});
