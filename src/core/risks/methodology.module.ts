import { methodologySchema } from '../../schema/risks/methodology.schema.js';
import { riskMethodologyVersioned } from '../../schema/risks/risk-methodology.versioned.js';
import type { VersionedModule } from '../versioning/versioned-module.js';
import { methodologyBlocks } from './methodology-document.js';
import { riskMethodologyModule } from './methodology.service.js';
import { applyRescore } from './rescore.service.js';
import { carryResidualLevels } from '../controls/treatment.service.js';

/**
 * The methodology as a versioned, approved document. Approving a version re-scores every risk in the same
 * transaction: if re-scoring fails, the approval does not happen and every score stays as it was.
 */
export const riskMethodologyVersionedModule: VersionedModule = {
  register: riskMethodologyModule,
  versioned: riskMethodologyVersioned,
  renderData: (key, value) => (key === 'methodology' ? methodologyBlocks(value) : []),
  async onApproved(ctx, trx, recordId, versionNo, content) {
    const next = methodologySchema.parse(content.methodology);
    await applyRescore(ctx, trx, recordId, versionNo, next);
    // expected residual risks (risk treatment) ride on the same scales
    await carryResidualLevels(ctx, trx, recordId, versionNo, next);
  },
};
