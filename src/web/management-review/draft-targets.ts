import { DECISION_DRAFT_TARGETS } from '../../schema/management-review/management-review.register.js';
import { soaRegister } from '../../schema/controls/soa.register.js';
import { treatmentPlanRegister } from '../../schema/controls/treatment-plan.schema.js';
import { documentRegister } from '../../schema/documents/document.register.js';
import { objectivesDocumentRegister } from '../../schema/objectives/objectives-document.register.js';
import type { RegisterDef } from '../../schema/register/define-register.js';
import { riskMethodologyRegister } from '../../schema/risks/risk-methodology.register.js';
import { scopeRegister } from '../../schema/scope/scope.register.js';

export type DraftTarget = (typeof DECISION_DRAFT_TARGETS)[number];

/** The register of each document a decision may open a draft of (to pick the record). */
export const DRAFT_TARGET_REGISTERS: Record<DraftTarget, RegisterDef> = {
  scope: scopeRegister,
  risk_methodology: riskMethodologyRegister,
  soa: soaRegister,
  risk_treatment_plan: treatmentPlanRegister,
  document: documentRegister,
  objectives_document: objectivesDocumentRegister,
};

export const isDraftTarget = (entity: string | null | undefined): entity is DraftTarget =>
  DECISION_DRAFT_TARGETS.some((t) => t === entity);

/**
 * The page where the opened draft is edited: a scope or a document by its id; the methodology, the SoA, the
 * treatment plan and the objectives document are one per organization, each on a page of its own.
 */
export function draftTargetPath(org: string, entity: DraftTarget, id: string): string {
  const o = `/o/${encodeURIComponent(org)}`;
  switch (entity) {
    case 'scope':
      return `${o}/scopes/${encodeURIComponent(id)}`;
    case 'document':
      return `${o}/documents/${encodeURIComponent(id)}`;
    case 'risk_methodology':
      return `${o}/risk-methodology`;
    case 'soa':
      return `${o}/soa`;
    case 'risk_treatment_plan':
      return `${o}/risk-treatment-plan`;
    case 'objectives_document':
      return `${o}/objectives-document`;
  }
}
