import type { VersionedDef } from '../../schema/versioning/versioned.js';
import type { RegisterModule } from '../register/register-module.js';

/** A register whose records carry versioned, approvable content (scope, policies, methodology, SoA…). */
export interface VersionedModule {
  register: RegisterModule;
  versioned: VersionedDef;
  /** how many distinct approvals make a version approved (default 1) */
  requiredApprovals?: number;
}
