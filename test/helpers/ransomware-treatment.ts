import { approveMethodology, startingMethodology } from './risk-factories.js';
import {
  buildCustomControl,
  chooseEdition,
  controlsByRef,
  setTreatment,
  type TreatmentBody,
} from './control-factories.js';
import { buildOrg } from './factories.js';
import type { ControlsSuite } from './controls-suite.js';

/**
 * The ransomware story the risk-treatment test files share. The treatments saved in turn: versions 1 to 4 of the
 * ransomware risk's treatment, naming controls of the suite's current `controls`.
 */
export const ransomwareSaves = (s: ControlsSuite): TreatmentBody[] => {
  const c = s.c;
  return [
    {
      options: [
        { option: 'modify', rationale: 'Backups and patching bring it down' },
        { option: 'retain', rationale: 'What is left is within appetite' },
      ],
      controls: [
        { controlId: c('8.13').id, effect: 'consequence', note: 'Offline copies' },
        { controlId: c('8.8').id, effect: 'likelihood' },
        { controlId: c('5.16').id, effect: 'both' },
      ],
      residual: { likelihood: 1, consequence: 1, rationale: 'Restore within a day' },
      expectedVersion: 0,
    },
    {
      options: [{ option: 'modify', rationale: 'Patching only' }],
      controls: [
        { controlId: c('8.13').id, effect: 'consequence' },
        { controlId: c('8.8').id, effect: 'likelihood' },
        { controlId: c('5.16').id, effect: 'both' },
      ],
      residual: { likelihood: 3, consequence: 3 },
      expectedVersion: 1,
    },
    {
      options: [{ option: 'modify', rationale: 'Patching only' }],
      controls: [
        { controlId: c('8.13').id, effect: 'consequence' },
        { controlId: c('8.8').id, effect: 'likelihood' },
        { controlId: c('5.16').id, effect: 'both' },
      ],
      residual: null,
    },
    {
      options: [{ option: 'modify', rationale: 'MDM instead of patching' }],
      controls: [
        { controlId: c('8.13').id, effect: 'consequence' },
        { controlId: c('CUS-001').id, effect: 'likelihood' },
      ],
      expectedVersion: 3,
    },
  ];
};

/**
 * A new organization (the 2022 controls, an approved 3 × 3, custom control CUS-001) with the ransomware risk,
 * its treatment saved `versions` times: each test starts from the state it needs, not from an earlier test's.
 */
export async function treatRansomware(s: ControlsSuite, versions: number): Promise<{ id: string; ref: string }> {
  s.org = await buildOrg(s.env.app, s.env.handle);
  await chooseEdition(s.org);
  await approveMethodology(s.org, startingMethodology('three-by-three'));
  await buildCustomControl(s.org.as.isms_manager, s.org.slug, {
    title: 'Mobile device management',
    theme: 'technological',
  });
  s.controls = await controlsByRef(s.org);
  const risk = await s.assessedRisk(s.org, { title: 'Ransomware on the file server' });
  if (versions > 0)
    await s.patchOk(s.org, s.c('5.16').id, { applicability: 'excluded', exclusionReason: 'out_of_scope' });
  for (const body of ransomwareSaves(s).slice(0, versions))
    await setTreatment(s.org.as.contributor, s.org.slug, risk.id, body);
  s.controls = await controlsByRef(s.org);
  return risk;
}
