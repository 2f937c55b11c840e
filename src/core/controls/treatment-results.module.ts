import type { Db } from '../../db/connect.js';
import type { PlanRow } from '../../schema/controls/treatment-plan.schema.js';
import { treatmentResultRegister } from '../../schema/controls/treatment-result.register.js';
import { treatmentResultsVersioned, type TreatmentStatus } from '../../schema/controls/treatment-result.versioned.js';
import type { OrgContext } from '../context.js';
import type { RegisterModule } from '../register/register-module.js';
import { todayIso } from '../util/ids.js';
import type { VersionedModule } from '../versioning/versioned-module.js';
import { treatmentStatusBlocks, treatmentStatusExportTable } from './treatment-results-document.js';
import { planRows } from './treatment-plan-rows.service.js';

/** Treatment results (8.3): any number of dated records (one per reporting period, say); their versions freeze. */
export const treatmentResultsModule: RegisterModule<typeof treatmentResultRegister.fields> = {
  def: treatmentResultRegister,
};

/** The counts management reads first: how far the treatment got, and the residual risks against the criteria. */
export function treatmentCounts(rows: PlanRow[]): TreatmentStatus['counts'] {
  const options = new Map<string, number>();
  for (const r of rows) for (const o of r.options) options.set(o.option, (options.get(o.option) ?? 0) + 1);
  const sum = (f: (r: PlanRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const accepted = (r: PlanRow) => r.acceptance?.state === 'valid';
  return {
    risks: rows.length,
    options: [...options]
      .map(([option, count]) => ({ option, count }))
      .sort((a, b) => a.option.localeCompare(b.option)),
    actions: sum((r) => r.progress.actions),
    actionsDone: sum((r) => r.progress.actionsDone),
    actionsOverdue: sum((r) => r.actions.filter((a) => a.overdue).length),
    controls: sum((r) => r.progress.controls),
    controlsImplemented: sum((r) => r.progress.controlsImplemented),
    residualAcceptable: rows.filter((r) => r.residualAcceptable === true).length,
    residualBeyondAcceptance: rows.filter((r) => r.residualAcceptable === false).length,
    residualBeyondAccepted: rows.filter((r) => r.residualAcceptable === false && accepted(r)).length,
    accepted: rows.filter(accepted).length,
    notAccepted: rows.filter((r) => !accepted(r)).length,
  };
}

/** The plan as it stands today, and the record's statusDate set to that day (the same transaction). */
async function treatmentStatusNow(ctx: OrgContext, trx: Db, recordId: string): Promise<TreatmentStatus> {
  const statusDate = todayIso();
  const rows = (await planRows(ctx, trx, { all: true })).items;
  await trx
    .updateTable('treatmentResults')
    .set({ statusDate })
    .where('orgId', '=', ctx.org.id)
    .where('id', '=', recordId)
    .execute();
  return { statusDate, counts: treatmentCounts(rows), rows };
}

export const treatmentResultsVersionedModule: VersionedModule = {
  register: treatmentResultsModule,
  versioned: treatmentResultsVersioned,
  renderData: (key, value) => (key === 'plan' ? treatmentStatusBlocks(value) : []),
  exportTable: treatmentStatusExportTable,
  /** the plan's status is taken as it stands on the day of the draft, whatever the client sent */
  async prepareDraft(ctx, trx, recordId, content) {
    return { ...content, plan: await treatmentStatusNow(ctx, trx, recordId) };
  },
};
