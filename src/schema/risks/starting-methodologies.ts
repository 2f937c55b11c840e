import { methodologySchema, type Methodology, type MethodologyInput } from './methodology.schema.js';

/**
 * Methodologies an organization can copy and adapt (written by the project). The 5×5 follows the usual shape of
 * ISO/IEC 27005 examples; the 3×3 suits small organizations; the semi-quantitative one gives each level a frequency
 * or money band and scores by product.
 */
const LEVELS4 = [
  { key: 'low', label: 'Low', colour: '#2E7D32', description: 'Accept and monitor.' },
  {
    key: 'medium',
    label: 'Medium',
    colour: '#F9A825',
    description: 'Treat when cost-effective; the risk owner may accept.',
  },
  {
    key: 'high',
    label: 'High',
    colour: '#EF6C00',
    description: 'Treat; acceptance needs the ISMS manager and top management.',
  },
  { key: 'critical', label: 'Critical', colour: '#C62828', description: 'Treat at once; never accepted as is.' },
];

function byScore(
  rows: number,
  cols: number,
  values: (i: number) => number,
  cut: (score: number) => string,
): string[][] {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => cut(values(i) * values(j))));
}

const fiveByFive: MethodologyInput = {
  approach: 'qualitative',
  likelihood: {
    name: 'Likelihood',
    levels: [
      {
        value: 1,
        label: 'Rare',
        description: 'Could happen only in exceptional circumstances; not seen in the sector for years.',
      },
      { value: 2, label: 'Unlikely', description: 'Could happen at some time; seen elsewhere in the sector.' },
      { value: 3, label: 'Possible', description: 'Might happen within a few years; has happened here before.' },
      { value: 4, label: 'Likely', description: 'Will probably happen within a year.' },
      { value: 5, label: 'Almost certain', description: 'Expected to happen several times a year.' },
    ],
  },
  consequence: {
    name: 'Consequence',
    levels: [
      { value: 1, label: 'Negligible', description: 'No noticeable effect on customers, finances or compliance.' },
      { value: 2, label: 'Minor', description: 'Small, internal disruption; quickly put right.' },
      {
        value: 3,
        label: 'Moderate',
        description: 'Some customers affected or a reportable breach; limited financial loss.',
      },
      { value: 4, label: 'Major', description: 'Many customers affected, regulatory action likely, significant loss.' },
      { value: 5, label: 'Severe', description: 'Threatens the business, its licence or the safety of people.' },
    ],
  },
  consequencePerCia: true,
  ciaCombination: 'highest',
  levels: LEVELS4,
  rule: {
    kind: 'matrix',
    cells: byScore(
      5,
      5,
      (i) => i + 1,
      (s) => (s >= 20 ? 'critical' : s >= 10 ? 'high' : s >= 5 ? 'medium' : 'low'),
    ),
  },
  acceptance: {
    acceptableLevels: ['low'],
    acceptors: [
      { level: 'low', who: 'Risk owner' },
      { level: 'medium', who: 'Risk owner, with the ISMS manager informed' },
      { level: 'high', who: 'Top management' },
    ],
    otherCriteria:
      'A risk that could breach a legal or contractual requirement is never accepted without treatment, whatever its level.',
  },
};

const threeByThree: MethodologyInput = {
  approach: 'qualitative',
  likelihood: {
    name: 'Likelihood',
    levels: [
      { value: 1, label: 'Low' },
      { value: 2, label: 'Medium' },
      { value: 3, label: 'High' },
    ],
  },
  consequence: {
    name: 'Consequence',
    levels: [
      { value: 1, label: 'Low' },
      { value: 2, label: 'Medium' },
      { value: 3, label: 'High' },
    ],
  },
  levels: [
    { key: 'low', label: 'Low', colour: '#2E7D32' },
    { key: 'medium', label: 'Medium', colour: '#F9A825' },
    { key: 'high', label: 'High', colour: '#C62828' },
  ],
  rule: {
    kind: 'matrix',
    cells: [
      ['low', 'low', 'medium'],
      ['low', 'medium', 'high'],
      ['medium', 'high', 'high'],
    ],
  },
  acceptance: {
    acceptableLevels: ['low'],
    acceptors: [
      { level: 'low', who: 'Risk owner' },
      { level: 'medium', who: 'Managing director' },
    ],
  },
};

const semiQuantitative: MethodologyInput = {
  approach: 'semi_quantitative',
  likelihood: {
    name: 'Annual frequency',
    unit: 'per year',
    levels: [
      { value: 1, label: 'Less than once in 10 years', from: 0, to: 0.1 },
      { value: 2, label: 'Once in 3–10 years', from: 0.1, to: 0.33 },
      { value: 3, label: 'Once in 1–3 years', from: 0.33, to: 1 },
      { value: 4, label: '1–10 times a year', from: 1, to: 10 },
      { value: 5, label: 'More than 10 times a year', from: 10, to: null },
    ],
  },
  consequence: {
    name: 'Loss per event',
    unit: 'EUR',
    levels: [
      { value: 1, label: 'Under 10k', from: 0, to: 10_000 },
      { value: 2, label: '10k–100k', from: 10_000, to: 100_000 },
      { value: 3, label: '100k–1M', from: 100_000, to: 1_000_000 },
      { value: 4, label: '1M–10M', from: 1_000_000, to: 10_000_000 },
      { value: 5, label: 'Over 10M', from: 10_000_000, to: null },
    ],
  },
  levels: LEVELS4,
  rule: {
    kind: 'formula',
    formula: 'product',
    thresholds: [
      { min: 1, level: 'low' },
      { min: 5, level: 'medium' },
      { min: 10, level: 'high' },
      { min: 20, level: 'critical' },
    ],
  },
  acceptance: {
    acceptableLevels: ['low', 'medium'],
    acceptors: [
      { level: 'medium', who: 'Risk owner' },
      { level: 'high', who: 'Chief financial officer' },
    ],
    otherCriteria: 'Accept a risk when treating it would cost more than the expected annual loss it removes.',
  },
};

export const STARTING_METHODOLOGIES: { key: string; name: string; methodology: Methodology }[] = [
  { key: 'five-by-five', name: '5 × 5 matrix (ISO/IEC 27005 style)', methodology: methodologySchema.parse(fiveByFive) },
  {
    key: 'three-by-three',
    name: '3 × 3 matrix for small organizations',
    methodology: methodologySchema.parse(threeByThree),
  },
  {
    key: 'semi-quantitative',
    name: 'Semi-quantitative: frequency × loss bands',
    methodology: methodologySchema.parse(semiQuantitative),
  },
];
