/**
 * The requirements of ISO/IEC 27001:2022 clauses 4 to 10, one item per thing an auditor checks, written in
 * Rampart's own words (the standard's text is ISO's). An internal audit's checklist is generated from these, a
 * nonconformity names the one it did not fulfil, and the audit programme's coverage is counted over them.
 *
 * `clause` is the 2022 number; `clause2013` the number a reader migrating from ISO/IEC 27001:2013 looks for
 * (the two editions swap 10.1 and 10.2, and split 9.2 and 9.3 into sub-clauses). `since2022` marks what the 2022
 * edition added; `documented` marks requirements that call for documented information.
 */
export interface IsmsRequirement {
  /** stable key: the clause and, when the clause lists items, the item letter (`6.1.3.d`) */
  key: string;
  clause: string;
  item?: string;
  /** where a reader of the 2013 edition looks; null when the 2013 edition had no such clause */
  clause2013: string | null;
  text: string;
  documented?: true;
  since2022?: true;
}

/** The titles of the clauses, 2022 numbering. */
export const ISMS_CLAUSE_TITLES: Record<string, string> = {
  '4.1': 'Understanding the organization and its context',
  '4.2': 'Understanding the needs and expectations of interested parties',
  '4.3': 'Determining the scope of the ISMS',
  '4.4': 'Information security management system',
  '5.1': 'Leadership and commitment',
  '5.2': 'Policy',
  '5.3': 'Organizational roles, responsibilities and authorities',
  '6.1.1': 'Actions to address risks and opportunities: general',
  '6.1.2': 'Information security risk assessment',
  '6.1.3': 'Information security risk treatment',
  '6.2': 'Information security objectives and planning to achieve them',
  '6.3': 'Planning of changes',
  '7.1': 'Resources',
  '7.2': 'Competence',
  '7.3': 'Awareness',
  '7.4': 'Communication',
  '7.5.1': 'Documented information: general',
  '7.5.2': 'Creating and updating documented information',
  '7.5.3': 'Control of documented information',
  '8.1': 'Operational planning and control',
  '8.2': 'Information security risk assessment (operation)',
  '8.3': 'Information security risk treatment (operation)',
  '9.1': 'Monitoring, measurement, analysis and evaluation',
  '9.2.1': 'Internal audit: general',
  '9.2.2': 'Internal audit programme',
  '9.3.1': 'Management review: general',
  '9.3.2': 'Management review inputs',
  '9.3.3': 'Management review results',
  '10.1': 'Continual improvement',
  '10.2': 'Nonconformity and corrective action',
};

const r = (
  key: string,
  clause2013: string | null,
  text: string,
  flags: { documented?: true; since2022?: true } = {},
): IsmsRequirement => {
  const [, clause, item] = /^(\d+(?:\.\d+)*?)(?:\.([a-z]))?$/.exec(key)!;
  return { key, clause: clause!, ...(item ? { item } : {}), clause2013, text, ...flags };
};

export const ISMS_REQUIREMENTS: readonly IsmsRequirement[] = [
  // 4 Context of the organization
  r('4.1', '4.1', 'The external and internal issues that bear on the ISMS and its intended outcomes are determined.'),
  r('4.2.a', '4.2', 'The interested parties that matter to the ISMS are determined.'),
  r('4.2.b', '4.2', 'Their requirements that are relevant to information security are determined.'),
  r('4.2.c', '4.2', 'It is decided which of those requirements the ISMS will address.', { since2022: true }),
  r(
    '4.3',
    '4.3',
    'The boundaries and applicability of the ISMS are set, considering the issues, the requirements and the interfaces and dependencies with others; the scope is documented.',
    { documented: true },
  ),
  r(
    '4.4',
    '4.4',
    'The ISMS, with the processes it needs and how they interact, is established, implemented, maintained and continually improved.',
  ),

  // 5 Leadership
  r('5.1.a', '5.1', 'Top management sees that the policy and objectives exist and fit the strategic direction.'),
  r('5.1.b', '5.1', "Top management sees that the ISMS requirements are built into the organization's processes."),
  r('5.1.c', '5.1', 'Top management makes the resources the ISMS needs available.'),
  r('5.1.d', '5.1', 'Top management communicates why effective information security management and conformity matter.'),
  r('5.1.e', '5.1', 'Top management sees that the ISMS achieves its intended outcomes.'),
  r('5.1.f', '5.1', 'Top management directs and supports the people who contribute to the ISMS.'),
  r('5.1.g', '5.1', 'Top management promotes continual improvement.'),
  r('5.1.h', '5.1', 'Top management supports other managers in showing leadership in their areas.'),
  r('5.2.a', '5.2', "The information security policy suits the organization's purpose."),
  r('5.2.b', '5.2', 'The policy contains objectives or a framework for setting them.'),
  r('5.2.c', '5.2', 'The policy commits to meeting the applicable information security requirements.'),
  r('5.2.d', '5.2', 'The policy commits to continual improvement of the ISMS.'),
  r('5.2.e', '5.2', 'The policy is available as documented information.', { documented: true }),
  r('5.2.f', '5.2', 'The policy is communicated within the organization.'),
  r('5.2.g', '5.2', 'The policy is available to interested parties as appropriate.'),
  r(
    '5.3.a',
    '5.3',
    'Responsibility and authority for making the ISMS conform to the standard are assigned and communicated.',
  ),
  r(
    '5.3.b',
    '5.3',
    'Responsibility and authority for reporting on ISMS performance to top management are assigned and communicated.',
  ),

  // 6 Planning
  r(
    '6.1.1.a',
    '6.1.1',
    'Risks and opportunities are determined so that the ISMS can achieve its intended outcomes, taking the issues and requirements into account.',
  ),
  r('6.1.1.b', '6.1.1', 'Risks and opportunities are determined to prevent or reduce undesired effects.'),
  r('6.1.1.c', '6.1.1', 'Risks and opportunities are determined to achieve continual improvement.'),
  r(
    '6.1.1.d',
    '6.1.1',
    'Actions to address these risks and opportunities are planned, built into the ISMS processes, and their effectiveness is evaluated.',
  ),
  r(
    '6.1.2.a',
    '6.1.2',
    'Risk criteria are set and kept: the criteria for accepting risks and for performing risk assessments.',
  ),
  r('6.1.2.b', '6.1.2', 'Repeated risk assessments give consistent, valid and comparable results.'),
  r(
    '6.1.2.c',
    '6.1.2',
    'Risks to the confidentiality, integrity and availability of information within the scope are identified, each with its risk owner.',
  ),
  r(
    '6.1.2.d',
    '6.1.2',
    'Risks are analysed: their potential consequences, their realistic likelihood and the resulting level.',
  ),
  r(
    '6.1.2.e',
    '6.1.2',
    'Risks are evaluated against the criteria and prioritized for treatment; the risk assessment process is documented.',
    { documented: true },
  ),
  r('6.1.3.a', '6.1.3', 'Treatment options are chosen for the assessed risks.'),
  r('6.1.3.b', '6.1.3', 'The controls needed to carry out the chosen options are determined.'),
  r('6.1.3.c', '6.1.3', 'The determined controls are compared with Annex A so that no necessary control is left out.'),
  r(
    '6.1.3.d',
    '6.1.3',
    'A Statement of Applicability lists the necessary controls, why each is included, whether it is implemented, and why any Annex A control is excluded.',
    { documented: true },
  ),
  r('6.1.3.e', '6.1.3', 'A risk treatment plan is drawn up.', { documented: true }),
  r(
    '6.1.3.f',
    '6.1.3',
    'The risk owners approve the treatment plan and accept the residual risks; the treatment process is documented.',
    { documented: true },
  ),
  r(
    '6.2.a',
    '6.2',
    'Information security objectives are set at the relevant functions and levels, consistent with the policy.',
  ),
  r('6.2.b', '6.2', 'The objectives are measurable where practicable.'),
  r('6.2.c', '6.2', 'The objectives take the requirements and the risk assessment and treatment results into account.'),
  r('6.2.d', '6.2', 'The objectives are monitored.', { since2022: true }),
  r('6.2.e', '6.2', 'The objectives are communicated.'),
  r('6.2.f', '6.2', 'The objectives are updated as appropriate.'),
  r('6.2.g', '6.2', 'The objectives are available as documented information.', { documented: true, since2022: true }),
  r(
    '6.2.h',
    '6.2',
    'For each objective it is planned what will be done, with what resources, by whom, by when, and how the results will be evaluated.',
  ),
  r('6.3', null, 'Changes to the ISMS are carried out in a planned manner.', { since2022: true }),

  // 7 Support
  r('7.1', '7.1', 'The resources needed for the ISMS are determined and provided.'),
  r('7.2.a', '7.2', 'The competence needed by people whose work affects information security is determined.'),
  r('7.2.b', '7.2', 'Those people are competent through education, training or experience.'),
  r('7.2.c', '7.2', 'Where needed, action is taken to acquire the competence, and its effectiveness is evaluated.'),
  r('7.2.d', '7.2', 'Evidence of competence is kept as documented information.', { documented: true }),
  r('7.3.a', '7.3', 'People working for the organization are aware of the information security policy.'),
  r('7.3.b', '7.3', 'They are aware of how they contribute to the ISMS and of the benefits of better security.'),
  r('7.3.c', '7.3', 'They are aware of what not conforming to the ISMS requirements implies.'),
  r(
    '7.4',
    '7.4',
    'The internal and external communications relevant to the ISMS are determined: on what, when, with whom and how.',
  ),
  r(
    '7.5.1',
    '7.5.1',
    'The ISMS includes the documented information the standard requires and that which the organization finds necessary for its effectiveness.',
    { documented: true },
  ),
  r(
    '7.5.2',
    '7.5.2',
    'Documented information is identified and described, in a suitable format and medium, and reviewed and approved for suitability and adequacy.',
  ),
  r('7.5.3.a', '7.5.3', 'Documented information is available and suitable for use where and when it is needed.'),
  r('7.5.3.b', '7.5.3', 'Documented information is adequately protected (confidentiality, improper use, integrity).'),
  r(
    '7.5.3.c',
    '7.5.3',
    'Distribution, access, retrieval, use, storage, preservation, change control, retention and disposition of documented information are addressed.',
  ),
  r('7.5.3.d', '7.5.3', 'Documented information of external origin needed for the ISMS is identified and controlled.'),

  // 8 Operation
  r(
    '8.1.a',
    '8.1',
    'The processes needed to meet the requirements and carry out the planned actions are planned, with criteria for them, and controlled against those criteria.',
  ),
  r(
    '8.1.b',
    '8.1',
    'Documented information is kept to the extent needed to be confident that the processes were carried out as planned.',
    { documented: true },
  ),
  r(
    '8.1.c',
    '8.1',
    'Planned changes are controlled, and the consequences of unintended changes are reviewed and acted on.',
  ),
  r('8.1.d', '8.1', 'Externally provided processes, products or services relevant to the ISMS are controlled.'),
  r(
    '8.2',
    '8.2',
    'Risk assessments are performed at planned intervals and when significant changes occur; their results are kept.',
    { documented: true },
  ),
  r('8.3', '8.3', 'The risk treatment plan is implemented; the results of risk treatment are kept.', {
    documented: true,
  }),

  // 9 Performance evaluation
  r('9.1.a', '9.1', 'What needs to be monitored and measured, processes and controls included, is determined.'),
  r(
    '9.1.b',
    '9.1',
    'The methods for monitoring, measurement, analysis and evaluation are determined and give comparable and reproducible results.',
  ),
  r('9.1.c', '9.1', 'When monitoring and measuring are performed, and who performs them, is determined.'),
  r('9.1.d', '9.1', 'When the results are analysed and evaluated, and by whom, is determined.'),
  r(
    '9.1.e',
    '9.1',
    'Monitoring and measurement results are kept, and the information security performance and the effectiveness of the ISMS are evaluated.',
    { documented: true },
  ),
  r(
    '9.2.1.a',
    '9.2',
    "Internal audits at planned intervals show whether the ISMS conforms to the organization's own requirements and to the standard.",
  ),
  r('9.2.1.b', '9.2', 'Internal audits show whether the ISMS is effectively implemented and maintained.'),
  r(
    '9.2.2.a',
    '9.2',
    'An audit programme sets frequency, methods, responsibilities, planning and reporting, considering the importance of the processes and the results of previous audits.',
    { documented: true },
  ),
  r('9.2.2.b', '9.2', 'The criteria and scope of each audit are defined.'),
  r('9.2.2.c', '9.2', 'Auditors are selected and audits conducted so that the process is objective and impartial.'),
  r(
    '9.2.2.d',
    '9.2',
    'Audit results are reported to the relevant management and kept as evidence of the programme and its results.',
    { documented: true },
  ),
  r(
    '9.3.1',
    '9.3',
    'Top management reviews the ISMS at planned intervals for its continuing suitability, adequacy and effectiveness.',
  ),
  r('9.3.2.a', '9.3', 'The review considers the status of actions from previous management reviews.'),
  r('9.3.2.b', '9.3', 'The review considers changes in the external and internal issues relevant to the ISMS.'),
  r(
    '9.3.2.c',
    '9.3',
    'The review considers changes in the needs and expectations of interested parties relevant to the ISMS.',
    { since2022: true },
  ),
  r(
    '9.3.2.d',
    '9.3',
    'The review considers feedback on performance: nonconformities and corrective actions, monitoring and measurement results, audit results, and the fulfilment of objectives.',
  ),
  r('9.3.2.e', '9.3', 'The review considers feedback from interested parties.'),
  r('9.3.2.f', '9.3', 'The review considers the results of risk assessment and the status of the risk treatment plan.'),
  r('9.3.2.g', '9.3', 'The review considers opportunities for continual improvement.'),
  r(
    '9.3.3',
    '9.3',
    'The review results include decisions on continual improvement and any needed changes to the ISMS, kept as documented information.',
    { documented: true },
  ),

  // 10 Improvement (2022 numbering: 10.1 continual improvement, 10.2 nonconformity)
  r('10.1', '10.2', 'The suitability, adequacy and effectiveness of the ISMS are continually improved.'),
  r(
    '10.2.a',
    '10.1',
    'When a nonconformity occurs, the organization reacts to it: controls and corrects it, and deals with the consequences.',
  ),
  r(
    '10.2.b',
    '10.1',
    'The need to eliminate its causes is evaluated: by reviewing it, determining its causes, and whether similar nonconformities exist or could occur.',
  ),
  r('10.2.c', '10.1', 'The actions needed are implemented.'),
  r('10.2.d', '10.1', 'The effectiveness of any corrective action taken is reviewed.'),
  r(
    '10.2.e',
    '10.1',
    'Changes to the ISMS are made if necessary; corrective actions fit the effects of the nonconformity.',
  ),
  r(
    '10.2.f',
    '10.1',
    'The nature of the nonconformities, the actions taken and the results of corrective actions are kept as documented information.',
    { documented: true },
  ),
];

/** The clause numbers of clauses 4 to 10, in order (2022). */
export const ISMS_CLAUSES: readonly string[] = Object.keys(ISMS_CLAUSE_TITLES);

const BY_KEY = new Map(ISMS_REQUIREMENTS.map((q) => [q.key, q]));

/** One requirement by its key, or undefined. */
export const ismsRequirement = (key: string): IsmsRequirement | undefined => BY_KEY.get(key);

/** The requirement keys, for validating a body field that names one. */
export const ISMS_REQUIREMENT_KEYS = ISMS_REQUIREMENTS.map((q) => q.key) as [string, ...string[]];

/** The 2013 clause of a 2022 clause number, when a migrating reader would look elsewhere (10.1 ↔ 10.2, 9.2.x → 9.2). */
export const clause2013Of = (clause: string): string | null => {
  const numbers = new Set(ISMS_REQUIREMENTS.filter((q) => q.clause === clause).map((q) => q.clause2013));
  numbers.delete(null);
  const [only] = numbers;
  return numbers.size === 1 && only !== clause ? (only ?? null) : null;
};

/**
 * How Rampart shows a clause or requirement number: the 2022 number, and the 2013 one beside it when a reader
 * migrating from the 2013 edition would look elsewhere: "10.2 (2013: 10.1)", "6.1.3 d)".
 */
export const clauseLabel = (clauseOrKey: string): string => {
  const requirement = ismsRequirement(clauseOrKey);
  const clause = requirement?.clause ?? clauseOrKey;
  const old = requirement ? requirement.clause2013 : clause2013Of(clause);
  const shown = requirement?.item ? `${clause} ${requirement.item})` : clause;
  return old && old !== clause ? `${shown} (2013: ${old})` : shown;
};
