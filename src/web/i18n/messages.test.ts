import { describe, expect, it } from 'vitest';
import { actionRegister } from '../../schema/actions/action.register.js';
import { scopeRegister } from '../../schema/scope/scope.register.js';
import { scopeVersioned } from '../../schema/scope/scope.versioned.js';
import { issueRegister } from '../../schema/context/issue.register.js';
import { interestedPartyRegister } from '../../schema/context/interested-party.register.js';
import { requirementRegister } from '../../schema/context/requirement.register.js';
import { ismsProcessRegister } from '../../schema/leadership/isms-process.register.js';
import { processInteractionRegister } from '../../schema/leadership/process-interaction.register.js';
import { ismsRoleRegister } from '../../schema/leadership/isms-role.register.js';
import { roleAssignmentRegister } from '../../schema/leadership/role-assignment.register.js';
import { ismsActivityRegister } from '../../schema/leadership/isms-activity.register.js';
import { leadershipCommitmentRegister } from '../../schema/leadership/leadership-commitment.register.js';
import { assetRegister } from '../../schema/risks/asset.register.js';
import { assetDependencyRegister } from '../../schema/risks/asset-dependency.register.js';
import { threatRegister } from '../../schema/risks/threat.register.js';
import { vulnerabilityRegister } from '../../schema/risks/vulnerability.register.js';
import { ismsRiskRegister } from '../../schema/risks/isms-risk.register.js';
import { nonconformityRegister } from '../../schema/improvement/nonconformity.register.js';
import { improvementRegister } from '../../schema/improvement/improvement.register.js';
import { objectiveRegister } from '../../schema/objectives/objective.register.js';
import { objectivesDocumentRegister } from '../../schema/objectives/objectives-document.register.js';
import { riskRegister } from '../../schema/risks/risk.register.js';
import { reassessmentTriggerRegister, riskAssessmentRegister } from '../../schema/risks/risk-assessment.register.js';
import { riskMethodologyRegister } from '../../schema/risks/risk-methodology.register.js';
import { riskMethodologyVersioned } from '../../schema/risks/risk-methodology.versioned.js';
import { evidenceRegister } from '../../schema/evidence/evidence.register.js';
import { controlRegister } from '../../schema/controls/control.register.js';
import { documentRegister } from '../../schema/documents/document.register.js';
import { documentVersioned } from '../../schema/documents/document.versioned.js';
import { auditProgrammeRegister } from '../../schema/internal-audit/audit-programme.register.js';
import { internalAuditRegister } from '../../schema/internal-audit/internal-audit.register.js';
import { measureRegister } from '../../schema/measurement/measure.register.js';
import {
  managementReviewRegister,
  reviewDecisionRegister,
} from '../../schema/management-review/management-review.register.js';
import { partyFeedbackRegister } from '../../schema/management-review/party-feedback.register.js';
import type { RegisterDef } from '../../schema/register/define-register.js';
import { AUDIT_EVENT_TYPES } from '../../schema/audit/audit-events.js';
import { ROLES } from '../../schema/auth/roles.js';
import en from '../../schema/i18n/messages/en.js';
import { createI18n } from './i18n.js';

/** Registers the UI knows; each later register is added here so its labels are checked too. */
const REGISTERS: RegisterDef[] = [
  actionRegister,
  scopeRegister,
  issueRegister,
  interestedPartyRegister,
  requirementRegister,
  ismsProcessRegister,
  processInteractionRegister,
  ismsRoleRegister,
  roleAssignmentRegister,
  ismsActivityRegister,
  leadershipCommitmentRegister,
  assetRegister,
  assetDependencyRegister,
  threatRegister,
  vulnerabilityRegister,
  ismsRiskRegister,
  nonconformityRegister,
  improvementRegister,
  objectiveRegister,
  objectivesDocumentRegister,
  riskRegister,
  riskAssessmentRegister,
  reassessmentTriggerRegister,
  riskMethodologyRegister,
  evidenceRegister,
  controlRegister,
  documentRegister,
  auditProgrammeRegister,
  internalAuditRegister,
  measureRegister,
  managementReviewRegister,
  reviewDecisionRegister,
  partyFeedbackRegister,
];

describe('message catalog', () => {
  const keys = new Set(Object.keys(en));

  it.each(REGISTERS.map((r) => [r.collection, r] as const))(
    'has every label, help and option of the %s register',
    (_name, register) => {
      const missing: string[] = [];
      for (const key of [register.title, `${register.collection}.singular`]) if (!keys.has(key)) missing.push(key);
      for (const [name, def] of Object.entries(register.fields)) {
        if (!keys.has(def.label)) missing.push(def.label);
        if (def.help && !keys.has(def.help)) missing.push(def.help);
        for (const option of def.options ?? []) {
          const key = `${register.collection}.${name}.${option}`;
          if (!keys.has(key)) missing.push(key);
        }
      }
      expect(missing).toEqual([]);
    },
  );

  it('has every section, help, column and stage label of the scope statement', () => {
    const def = scopeVersioned;
    const needed = [
      ...def.sections.flatMap((s) => [
        s.label,
        ...(s.help ? [s.help] : []),
        ...(s.kind === 'table' ? s.columns.map((c) => c.label) : []),
      ]),
      ...(def.stages ?? []).map((stage) => `${def.entity}.stage.${stage}`),
    ];
    expect(needed.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('has every section label of the risk methodology', () => {
    const needed = riskMethodologyVersioned.sections.flatMap((s) => [s.label, ...(s.help ? [s.help] : [])]);
    expect(needed.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('has every section, help and stage label of documents', () => {
    const def = documentVersioned;
    const needed = [
      ...def.sections.flatMap((s) => [s.label, ...(s.help ? [s.help] : [])]),
      ...(def.stages ?? []).map((stage) => `${def.entity}.stage.${stage}`),
    ];
    expect(needed.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('names every role and every audit event type', () => {
    const missing = [...ROLES.map((r) => `role.${r}`), ...AUDIT_EVENT_TYPES.map((t) => `audit.event.${t}`)].filter(
      (k) => !keys.has(k),
    );
    expect(missing).toEqual([]);
  });

  it('interpolates parameters and falls back to English, then to the key', () => {
    const i18n = createI18n('xx-YY');
    expect(i18n.lang).toBe('en');
    expect(i18n.t('home.greeting', { name: 'Ada' })).toBe('Hello, Ada');
    expect(i18n.td('no.such.key', undefined, 'fallback')).toBe('fallback');
    expect(i18n.td('no.such.key')).toBe('no.such.key');
  });

  it('formats calendar dates without shifting them by the time zone', () => {
    const i18n = createI18n('en-GB');
    expect(i18n.formatDate('2030-06-30')).toBe('30 Jun 2030');
    expect(i18n.formatNumber(12345)).toBe('12,345');
  });
});
