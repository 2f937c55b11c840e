import { defineVersioned, type TextSection } from '../versioning/versioned.js';
import { DOCUMENT_STAGES, POLICY_TYPES, type DocumentType } from './document.register.js';

const section = (key: string): TextSection => ({
  kind: 'text',
  key,
  label: `documents.section.${key}`,
  help: `documents.help.${key}`,
  maxLength: 100_000,
});

/**
 * The parts of a policy as 27003 Annex A structures it (the administrative block is the register row: title,
 * version, dates, owner, approvers, classification, audience). `commitments` prompts for what 27001 5.2 c–d asks of
 * the information security policy. Documents other than policies are one Markdown `body`.
 */
export const POLICY_SECTION_KEYS = [
  'summary',
  'introduction',
  'scope',
  'objectives',
  'principles',
  'responsibilities',
  'keyOutcomes',
  'relatedPolicies',
  'requirements',
] as const;
export const SECURITY_POLICY_SECTION_KEYS = [
  'summary',
  'introduction',
  'scope',
  'objectives',
  'commitments',
  'principles',
  'responsibilities',
  'keyOutcomes',
  'relatedPolicies',
  'requirements',
] as const;
export const BODY_SECTION_KEYS = ['body'] as const;

/** The sections a document of this type uses, in order (the others stay empty and are left out of exports). */
export function templateSections(doc: {
  type: DocumentType | string | null;
  isSecurityPolicy?: boolean | null;
}): readonly string[] {
  if (doc.isSecurityPolicy) return SECURITY_POLICY_SECTION_KEYS;
  if (POLICY_TYPES.includes(doc.type as DocumentType)) return POLICY_SECTION_KEYS;
  return BODY_SECTION_KEYS;
}

/** Every section is Markdown; a block between `::: confidential` and `:::` is left out of external copies. */
export const documentVersioned = defineVersioned({
  entity: 'document',
  documentTitle: 'Document',
  stages: DOCUMENT_STAGES,
  approvableStages: ['in_review'],
  approvalMeaning: 'Approved for issue: content reviewed for suitability and adequacy (ISO/IEC 27001 7.5.2 c)',
  sections: [...SECURITY_POLICY_SECTION_KEYS, ...BODY_SECTION_KEYS].map(section),
});
