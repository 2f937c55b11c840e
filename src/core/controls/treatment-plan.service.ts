import { treatmentPlanRegister, treatmentPlanVersioned } from '../../schema/controls/treatment-plan.schema.js';
import { onePerOrganization } from '../register/one-per-organization.js';
import type { RegisterModule } from '../register/register-module.js';
import type { VersionedModule } from '../versioning/versioned-module.js';
import { planRows } from './treatment-plan-rows.service.js';
import { planBlocks, planExportTable } from './treatment-plan-document.js';

export { planRows } from './treatment-plan-rows.service.js';

/** One treatment plan per organization: its versions are what management approved, when. */
export const treatmentPlanModule: RegisterModule<typeof treatmentPlanRegister.fields> = {
  def: treatmentPlanRegister,
  beforeWrite: onePerOrganization('riskTreatmentPlans', 'risk treatment plan'),
};

export const treatmentPlanVersionedModule: VersionedModule = {
  register: treatmentPlanModule,
  versioned: treatmentPlanVersioned,
  renderData: (key, value) => (key === 'plan' ? planBlocks(value) : []),
  exportTable: planExportTable,
  async prepareDraft(ctx, trx, _recordId, content) {
    return { ...content, plan: { rows: (await planRows(ctx, trx, { all: true })).items } };
  },
};
