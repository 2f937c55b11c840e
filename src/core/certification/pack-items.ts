/**
 * The certification pack's items (27001:2022's mandatory documented information), one line per requirement. A module
 * that lands later adds a line here. Versioned items name their register by entity, resolved against the
 * installation's VERSIONED_MODULES when the pack is built: an entity this installation does not have (yet) is listed
 * as missing with a note, and lights up once its module is composed in.
 */

export interface VersionedPackSource {
  kind: 'versioned';
  /** the register's entity name (`scope`, `soa`, `management_review`…) */
  entity: string;
  /**
   * `all`: every record of the register (one index item each: audit reports, documents);
   * `latest`: the record whose version in force was approved last (assessment results: the newest supersede).
   */
  pick: 'all' | 'latest';
  /** only records whose column has this value (documents: the security policy, or every other document) */
  where?: { column: string; value: number | string };
}

export interface GeneratedPackSource {
  kind: 'generated';
  /** what the pack builder generates: the 9.1 measurement report, the 10.2 nonconformities register */
  generator: 'measurement' | 'nonconformities';
}

export interface NotBuiltPackSource {
  kind: 'not_built';
}

export interface PackItemConfig {
  key: string;
  clause: string;
  requirement: string;
  source: VersionedPackSource | GeneratedPackSource | NotBuiltPackSource;
  /** said in the index when the item is not built, missing or not approved: what to do */
  note?: string;
}

export const PACK_ITEMS: readonly PackItemConfig[] = [
  {
    key: 'scope',
    clause: '4.3',
    requirement: 'Scope of the information security management system',
    source: { kind: 'versioned', entity: 'scope', pick: 'all' },
  },
  {
    key: 'policy',
    clause: '5.2',
    requirement: 'Information security policy',
    source: { kind: 'versioned', entity: 'document', pick: 'all', where: { column: 'isSecurityPolicy', value: 1 } },
    note: 'Mark the information security policy in the documents register (Security policy) and approve it',
  },
  {
    key: 'risk-process',
    clause: '6.1.2 / 6.1.3',
    requirement: 'Information security risk assessment and risk treatment process (the risk methodology)',
    source: { kind: 'versioned', entity: 'risk_methodology', pick: 'all' },
  },
  {
    key: 'soa',
    clause: '6.1.3 d',
    requirement: 'Statement of Applicability',
    source: { kind: 'versioned', entity: 'soa', pick: 'all' },
  },
  {
    key: 'treatment-plan',
    clause: '6.1.3 e',
    requirement: 'Information security risk treatment plan',
    source: { kind: 'versioned', entity: 'risk_treatment_plan', pick: 'all' },
  },
  {
    key: 'objectives',
    clause: '6.2',
    requirement: 'Information security objectives',
    source: { kind: 'versioned', entity: 'objectives_document', pick: 'all' },
  },
  {
    key: 'competence',
    clause: '7.2',
    requirement: 'Evidence of competence',
    source: { kind: 'not_built' },
    note: 'Rampart has no competence module yet: keep the training and competence records and hand them over apart',
  },
  {
    key: 'documents',
    clause: '7.5.1 b',
    requirement: 'Documented information determined by the organization as necessary for the ISMS',
    source: { kind: 'versioned', entity: 'document', pick: 'all', where: { column: 'isSecurityPolicy', value: 0 } },
  },
  {
    key: 'operations',
    clause: '8.1',
    requirement: 'Operational planning and control: evidence that processes were carried out as planned',
    source: { kind: 'not_built' },
    note: 'Rampart has no operational records module yet: the evidence register and the treatment actions hold part of it',
  },
  {
    key: 'assessment-results',
    clause: '8.2',
    requirement: 'Results of the information security risk assessments',
    source: { kind: 'versioned', entity: 'risk_assessment', pick: 'latest' },
    note: 'Close a risk assessment and approve its results',
  },
  {
    key: 'treatment-results',
    clause: '8.3',
    requirement: 'Results of the information security risk treatment',
    source: { kind: 'versioned', entity: 'treatment_result', pick: 'latest' },
    note: 'Record the treatment results at a date and approve them',
  },
  {
    key: 'measurement',
    clause: '9.1',
    requirement: 'Results of monitoring and measurement',
    source: { kind: 'generated', generator: 'measurement' },
  },
  {
    key: 'audit-programme',
    clause: '9.2.2',
    requirement: 'Audit programme(s)',
    source: { kind: 'versioned', entity: 'audit_programme', pick: 'all' },
  },
  {
    key: 'audit-results',
    clause: '9.2.2',
    requirement: 'Audit results (internal audit reports)',
    source: { kind: 'versioned', entity: 'internal_audit', pick: 'all' },
  },
  {
    key: 'management-review',
    clause: '9.3.3',
    requirement: 'Results of management reviews (the minutes)',
    source: { kind: 'versioned', entity: 'management_review', pick: 'all' },
  },
  {
    key: 'nonconformities',
    clause: '10.2',
    requirement: 'Nature of the nonconformities, actions taken and results of corrective actions',
    source: { kind: 'generated', generator: 'nonconformities' },
  },
];
