import { defineVersioned } from '../versioning/versioned.js';
import { SCOPE_STAGES } from './scope.register.js';

const boundary = (key: string) => [
  { kind: 'text' as const, key: `${key}Scope`, label: `scope.section.${key}Scope`, help: `scope.help.${key}Scope` },
  {
    kind: 'text' as const,
    key: `${key}Boundaries`,
    label: `scope.section.${key}Boundaries`,
    help: `scope.help.${key}Boundaries`,
  },
  {
    kind: 'text' as const,
    key: `${key}Interfaces`,
    label: `scope.section.${key}Interfaces`,
    help: `scope.help.${key}Interfaces`,
  },
];

/**
 * The parts of a scope statement as 27003 4.3 lists them: the organizational, ICT and physical scope each with
 * boundaries and interfaces (j–l); what is included and excluded (each exclusion with its reason); functions
 * outsourced within the organization or to suppliers, with their interface; dependencies.
 */
export const scopeVersioned = defineVersioned({
  entity: 'scope',
  documentTitle: 'ISMS scope statement',
  stages: SCOPE_STAGES,
  approvableStages: ['final'],
  approvalMeaning: 'Approved by top management as the scope of the ISMS',
  sections: [
    { kind: 'text', key: 'statement', label: 'scope.section.statement', help: 'scope.help.statement' },
    ...boundary('organizational'),
    ...boundary('ict'),
    ...boundary('physical'),
    {
      kind: 'table',
      key: 'inclusions',
      label: 'scope.section.inclusions',
      help: 'scope.help.inclusions',
      columns: [
        { key: 'item', label: 'scope.column.item', required: true },
        { key: 'description', label: 'scope.column.description' },
      ],
    },
    {
      kind: 'table',
      key: 'exclusions',
      label: 'scope.section.exclusions',
      help: 'scope.help.exclusions',
      columns: [
        { key: 'item', label: 'scope.column.item', required: true },
        { key: 'reason', label: 'scope.column.reason', required: true },
      ],
    },
    {
      kind: 'table',
      key: 'outsourced',
      label: 'scope.section.outsourced',
      help: 'scope.help.outsourced',
      columns: [
        { key: 'function', label: 'scope.column.function', required: true },
        { key: 'provider', label: 'scope.column.provider', required: true },
        { key: 'interface', label: 'scope.column.interface' },
      ],
    },
    {
      kind: 'table',
      key: 'dependencies',
      label: 'scope.section.dependencies',
      help: 'scope.help.dependencies',
      columns: [
        { key: 'dependency', label: 'scope.column.dependency', required: true },
        { key: 'description', label: 'scope.column.description' },
      ],
    },
  ],
});
