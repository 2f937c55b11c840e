import { z } from 'zod';
import { roleSchema } from '../auth/roles.js';

/**
 * Every event the audit trail can hold. The payload of each type is typed; the trail stores it as JSON and the
 * hash chain covers it. Modules add their event types here (a union member each).
 */
const changes = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));

export const auditEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('document.people_set'),
    payload: z.object({
      ref: z.string(),
      approvers: z.array(z.string()),
      audienceUsers: z.array(z.string()),
      audienceRoles: z.array(z.string()),
    }),
  }),
  z.object({
    type: z.literal('document.published'),
    payload: z.object({
      ref: z.string(),
      version: z.number().int(),
      contentHash: z.string(),
      audience: z.string(),
      note: z.string().nullable(),
    }),
  }),
  z.object({
    type: z.literal('document.withdrawn'),
    payload: z.object({ ref: z.string(), reason: z.string(), retentionEndsOn: z.string().nullable() }),
  }),
  z.object({
    type: z.literal('document.acknowledged'),
    payload: z.object({ ref: z.string(), version: z.number().int(), contentHash: z.string() }),
  }),
  z.object({
    type: z.literal('document.reminded'),
    payload: z.object({ ref: z.string(), version: z.number().int(), recipients: z.array(z.string()) }),
  }),
  z.object({
    type: z.literal('document.reviewed'),
    payload: z.object({
      ref: z.string(),
      outcome: z.string(),
      note: z.string(),
      reviewedOn: z.string(),
      nextReviewDate: z.string().nullable(),
      draftVersion: z.number().int().nullable(),
    }),
  }),
  z.object({
    type: z.literal('document.disposal_proposed'),
    payload: z.object({ ref: z.string(), reason: z.string() }),
  }),
  z.object({
    type: z.literal('document.disposal_rejected'),
    payload: z.object({ ref: z.string(), note: z.string().nullable() }),
  }),
  z.object({
    type: z.literal('document.disposed'),
    payload: z.object({
      ref: z.string(),
      title: z.string(),
      note: z.string().nullable(),
      versions: z.array(z.object({ versionNo: z.number().int(), state: z.string(), contentHash: z.string() })),
    }),
  }),
  z.object({
    type: z.literal('document.classification_scheme_set'),
    payload: z.object({ levels: z.array(z.object({ level: z.string(), label: z.string() })) }),
  }),
  z.object({
    type: z.literal('document.external_copy'),
    payload: z.object({ ref: z.string(), version: z.number().int(), format: z.string() }),
  }),
  z.object({
    type: z.literal('document.evidence_package'),
    payload: z.object({ documents: z.array(z.string()), sha256: z.string(), auditHead: z.string().nullable() }),
  }),
  z.object({ type: z.literal('setup.completed'), payload: z.object({ email: z.string(), orgSlug: z.string() }) }),
  z.object({ type: z.literal('auth.login_succeeded'), payload: z.object({ email: z.string() }) }),
  z.object({
    type: z.literal('auth.login_failed'),
    payload: z.object({ email: z.string(), reason: z.enum(['bad_credentials', 'throttled']) }),
  }),
  z.object({ type: z.literal('auth.logout'), payload: z.object({}) }),
  z.object({
    type: z.literal('authz.denied'),
    payload: z.object({ method: z.string(), path: z.string(), permission: z.string(), role: z.string().nullable() }),
  }),
  z.object({ type: z.literal('user.created'), payload: z.object({ email: z.string(), name: z.string() }) }),
  z.object({ type: z.literal('user.password_changed'), payload: z.object({ email: z.string() }) }),
  z.object({ type: z.literal('org.created'), payload: z.object({ slug: z.string(), name: z.string() }) }),
  z.object({ type: z.literal('member.added'), payload: z.object({ email: z.string(), role: roleSchema }) }),
  z.object({
    type: z.literal('member.role_changed'),
    payload: z.object({ email: z.string(), from: roleSchema, to: roleSchema }),
  }),
  z.object({ type: z.literal('member.removed'), payload: z.object({ email: z.string(), role: roleSchema }) }),
  z.object({
    type: z.literal('token.created'),
    payload: z.object({ name: z.string(), prefix: z.string(), expiresAt: z.string().nullable() }),
  }),
  z.object({ type: z.literal('token.revoked'), payload: z.object({ name: z.string(), prefix: z.string() }) }),
  z.object({
    type: z.literal('record.created'),
    payload: z.object({ ref: z.string(), values: z.record(z.string(), z.unknown()) }),
  }),
  z.object({ type: z.literal('record.updated'), payload: z.object({ ref: z.string(), changes }) }),
  z.object({ type: z.literal('record.archived'), payload: z.object({ ref: z.string() }) }),
  z.object({
    type: z.literal('link.created'),
    payload: z.object({ fromRef: z.string(), toRef: z.string(), kind: z.string() }),
  }),
  z.object({
    type: z.literal('link.deleted'),
    payload: z.object({ fromRef: z.string(), toRef: z.string(), kind: z.string() }),
  }),
  z.object({
    type: z.literal('export.generated'),
    payload: z.object({ format: z.string(), rows: z.number().int(), filters: z.record(z.string(), z.unknown()) }),
  }),
  z.object({
    type: z.literal('version.draft_saved'),
    payload: z.object({
      ref: z.string(),
      version: z.number().int(),
      stage: z.string().nullable(),
      contentHash: z.string(),
      changeNote: z.string().nullable(),
      sectionsChanged: z.array(z.string()),
    }),
  }),
  z.object({
    type: z.literal('version.approved'),
    payload: z.object({
      ref: z.string(),
      version: z.number().int(),
      contentHash: z.string(),
      supersedes: z.number().int().nullable(),
    }),
  }),
  z.object({
    type: z.literal('climate_decision.recorded'),
    payload: z.object({
      relevant: z.boolean(),
      reasoning: z.string(),
      decidedBy: z.string(),
      decidedOn: z.string(),
      version: z.number().int(),
      changes,
    }),
  }),
  z.object({
    type: z.literal('raci.cell_set'),
    payload: z.object({
      activityRef: z.string(),
      roleId: z.string(),
      roleRef: z.string(),
      from: z.enum(['R', 'A', 'C', 'I']).nullable(),
      to: z.enum(['R', 'A', 'C', 'I']).nullable(),
    }),
  }),
  z.object({
    type: z.literal('leadership.starting_set_added'),
    payload: z.object({
      roles: z.array(z.string()),
      activities: z.array(z.string()),
      cells: z.array(z.object({ activityRef: z.string(), roleRef: z.string(), value: z.string() })),
    }),
  }),
  z.object({
    type: z.literal('threat_catalog.starting_set_added'),
    payload: z.object({ threats: z.array(z.string()), vulnerabilities: z.array(z.string()) }),
  }),
  z.object({
    type: z.literal('risk.rescored'),
    payload: z.object({
      rescoreId: z.string(),
      methodologyRef: z.string(),
      fromVersion: z.number().int().nullable(),
      toVersion: z.number().int(),
      total: z.number().int(),
      changed: z.number().int(),
      crossed: z.number().int(),
    }),
  }),
  z.object({
    type: z.literal('risk.reevaluated'),
    payload: z.object({ ref: z.string(), rescoreId: z.string(), toVersion: z.number().int(), changes }),
  }),
  z.object({
    type: z.literal('risk.assets_set'),
    payload: z.object({ ref: z.string(), added: z.array(z.string()), removed: z.array(z.string()) }),
  }),
  z.object({
    type: z.literal('risk_assessment.closed'),
    payload: z.object({
      ref: z.string(),
      methodologyVersion: z.number().int().nullable(),
      risks: z.number().int(),
      note: z.string().nullable(),
    }),
  }),
  z.object({
    type: z.literal('reassessment_trigger.risks_set'),
    payload: z.object({ ref: z.string(), added: z.array(z.string()), removed: z.array(z.string()) }),
  }),
  z.object({
    type: z.literal('controls.edition_chosen'),
    payload: z.object({ edition: z.string(), controls: z.number().int() }),
  }),
  z.object({
    type: z.literal('controls.edition_migrated'),
    payload: z.object({
      from: z.string(),
      to: z.string(),
      carried: z.number().int(),
      needsDecision: z.number().int(),
      archived: z.number().int(),
    }),
  }),
  z.object({
    type: z.literal('control.proposed_applicable'),
    payload: z.object({ ref: z.string(), riskRef: z.string() }),
  }),
  z.object({
    type: z.literal('risk.treatment_set'),
    payload: z.object({
      ref: z.string(),
      version: z.number().int(),
      options: z.array(z.string()),
      controlsAdded: z.array(z.string()),
      controlsRemoved: z.array(z.string()),
      residual: z.record(z.string(), z.number().int().nullable()),
      statusFrom: z.string().nullable(),
      statusTo: z.string().nullable(),
    }),
  }),
  z.object({
    type: z.literal('risk.accepted'),
    payload: z.object({
      ref: z.string(),
      treatmentVersion: z.number().int(),
      treatmentHash: z.string(),
      kind: z.string(),
      residualLevel: z.string().nullable(),
      expiresOn: z.string().nullable(),
      statusFrom: z.string().nullable().optional(),
      statusTo: z.string().nullable().optional(),
    }),
  }),
  z.object({
    type: z.literal('risk.residuals_carried'),
    payload: z.object({ fromVersion: z.number().int(), toVersion: z.number().int(), treatments: z.number().int() }),
  }),
  z.object({
    type: z.literal('evidence.downloaded'),
    payload: z.object({ ref: z.string(), fileName: z.string(), sha256: z.string(), size: z.number().int() }),
  }),
  z.object({
    type: z.literal('approval.granted'),
    payload: z.object({
      ref: z.string(),
      version: z.number().int(),
      contentHash: z.string(),
      meaning: z.string(),
      role: roleSchema,
    }),
  }),
  z.object({
    type: z.literal('records.imported'),
    payload: z.object({
      register: z.string(),
      rows: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      status: z.enum(['completed', 'stopped']),
      stoppedAtLine: z.number().int().nullable(),
    }),
  }),
  z.object({
    type: z.literal('auth.login_throttled'),
    payload: z.object({
      email: z.string(),
      scope: z.enum(['account_client', 'client']),
      failures: z.number().int(),
      windowMinutes: z.number().int(),
    }),
  }),
  z.object({
    type: z.literal('invitation.created'),
    payload: z.object({ email: z.string(), role: roleSchema, expiresAt: z.string() }),
  }),
  z.object({
    type: z.literal('invitation.accepted'),
    payload: z.object({ email: z.string(), role: roleSchema, newAccount: z.boolean() }),
  }),
  z.object({ type: z.literal('invitation.declined'), payload: z.object({ email: z.string(), role: roleSchema }) }),
  z.object({ type: z.literal('invitation.revoked'), payload: z.object({ email: z.string(), role: roleSchema }) }),
  z.object({
    type: z.literal('automation_account.created'),
    payload: z.object({ name: z.string(), role: roleSchema }),
  }),
  z.object({
    type: z.literal('token.issued_for_account'),
    payload: z.object({
      name: z.string(),
      prefix: z.string(),
      expiresAt: z.string().nullable(),
      account: z.string(),
      accountUserId: z.string(),
    }),
  }),
  // internal audit (9.2): the team, the scope, independence, status, checklist and report distribution
  z.object({
    type: z.literal('internal_audit.team_set'),
    payload: z.object({ ref: z.string(), members: z.array(z.object({ userId: z.string(), role: z.string() })) }),
  }),
  z.object({
    type: z.literal('internal_audit.scope_set'),
    payload: z.object({ ref: z.string(), processes: z.array(z.string()) }),
  }),
  z.object({
    type: z.literal('internal_audit.independence_excepted'),
    payload: z.object({ ref: z.string(), field: z.string(), objects: z.array(z.string()), justification: z.string() }),
  }),
  z.object({
    type: z.literal('internal_audit.status_changed'),
    payload: z.object({ ref: z.string(), from: z.string(), to: z.string() }),
  }),
  z.object({
    type: z.literal('internal_audit.checklist_generated'),
    payload: z.object({ ref: z.string(), added: z.number().int() }),
  }),
  z.object({
    type: z.literal('internal_audit.checklist_item_added'),
    payload: z.object({ ref: z.string(), itemId: z.string(), title: z.string() }),
  }),
  z.object({
    type: z.literal('internal_audit.checklist_item_updated'),
    payload: z.object({ ref: z.string(), itemId: z.string(), changes: z.record(z.string(), z.unknown()) }),
  }),
  z.object({
    type: z.literal('internal_audit.checklist_link_added'),
    payload: z.object({ ref: z.string(), itemId: z.string(), kind: z.string(), target: z.string() }),
  }),
  z.object({
    type: z.literal('internal_audit.checklist_link_removed'),
    payload: z.object({ ref: z.string(), itemId: z.string(), kind: z.string(), target: z.string() }),
  }),
  z.object({
    type: z.literal('internal_audit.report_distributed'),
    payload: z.object({ ref: z.string(), versionNo: z.number().int(), members: z.array(z.string()) }),
  }),
  z.object({
    type: z.literal('nonconformity.step_recorded'),
    payload: z.object({
      ref: z.string(),
      step: z.enum(['correction', 'decision', 'analysis', 'effectiveness_review', 'closure']),
      statusFrom: z.string(),
      statusTo: z.string(),
      values: z.record(z.string(), z.unknown()),
    }),
  }),
  z.object({
    type: z.literal('nonconformity.raised'),
    payload: z.object({
      ref: z.string(),
      source: z.string(),
      sourceType: z.string(),
      sourceId: z.string(),
      sourceRef: z.string(),
    }),
  }),
  z.object({
    type: z.literal('improvement.step_recorded'),
    payload: z.object({
      ref: z.string(),
      step: z.enum(['evaluation', 'implementation', 'review']),
      statusFrom: z.string(),
      statusTo: z.string(),
    }),
  }),
  z.object({
    type: z.literal('internal_audit.finding_raised'),
    payload: z.object({
      ref: z.string(),
      itemId: z.string(),
      kind: z.enum(['nonconformity', 'improvement']),
      raisedRef: z.string(),
      followUp: z
        .object({ correction: z.string(), correctiveAction: z.string(), dueOn: z.string(), verification: z.string() })
        .optional(),
    }),
  }),
  z.object({
    type: z.literal('internal_audit.auditees_set'),
    payload: z.object({ ref: z.string(), members: z.array(z.string()) }),
  }),
  z.object({
    type: z.literal('internal_audit.criteria_set'),
    payload: z.object({ ref: z.string(), documents: z.array(z.string()), requirements: z.array(z.string()) }),
  }),
  // Monitoring and measurement (9.1): a result stored (by hand, import, automation or the sampler; `supersedes`: the
  // id of the result it corrects), a period evaluated, a nonconformity raised from an evaluation.
  z.object({
    type: z.literal('measure_result.recorded'),
    payload: z.object({
      ref: z.string(),
      periodKey: z.string(),
      value: z.number().nullable(),
      source: z.string(),
      supersedes: z.string().nullable(),
    }),
  }),
  z.object({
    type: z.literal('measure.evaluated'),
    payload: z.object({ ref: z.string(), periodKey: z.string(), rag: z.string(), results: z.number() }),
  }),
  z.object({
    type: z.literal('measure.evaluation_raised'),
    payload: z.object({ ref: z.string(), periodKey: z.string(), raisedRef: z.string() }),
  }),
  z.object({
    type: z.literal('objective.progress_recorded'),
    payload: z.object({
      ref: z.string(),
      entryId: z.string(),
      entryDate: z.string(),
      value: z.number(),
      note: z.string().nullable(),
      evidence: z.array(z.string()),
    }),
  }),
  z.object({
    type: z.literal('objective.communicated'),
    payload: z.object({
      /** null: the whole set of objectives */
      ref: z.string().nullable(),
      communicationId: z.string(),
      communicatedOn: z.string(),
      channel: z.string(),
      audience: z.object({
        roles: z.array(roleSchema),
        memberIds: z.array(z.string()),
        interestedPartyIds: z.array(z.string()),
        ismsRoleIds: z.array(z.string()),
      }),
    }),
  }),
  z.object({
    type: z.literal('objective.closed'),
    payload: z.object({ ref: z.string(), lifecycleFrom: z.string(), lifecycleTo: z.string(), note: z.string() }),
  }),
  z.object({
    type: z.literal('objective.measure_linked'),
    payload: z.object({ ref: z.string(), measureRef: z.string(), unitWarning: z.string().nullable() }),
  }),
  z.object({
    type: z.literal('objective.measure_unlinked'),
    payload: z.object({ ref: z.string(), measureRef: z.string() }),
  }),
  z.object({
    type: z.literal('management_review.attendance_set'),
    payload: z.object({
      ref: z.string(),
      members: z.array(z.object({ userId: z.string(), capacity: z.string(), present: z.boolean() })),
      others: z.array(z.object({ name: z.string(), capacity: z.string(), present: z.boolean() })),
    }),
  }),
  z.object({
    type: z.literal('management_review_decision.draft_opened'),
    payload: z.object({
      ref: z.string(),
      targetEntity: z.string(),
      targetRef: z.string(),
      versionNo: z.number().int(),
      created: z.boolean(),
    }),
  }),
  z.object({
    type: z.literal('management_review_decision.status_changed'),
    payload: z.object({ ref: z.string(), from: z.string().nullable(), to: z.string() }),
  }),
]);

export type AuditEvent = z.infer<typeof auditEventSchema>;
export type AuditEventType = AuditEvent['type'];
export const AUDIT_EVENT_TYPES = auditEventSchema.options.map((o) => o.shape.type.value) as AuditEventType[];
