import type { Role } from '../../schema/auth/roles.js';
import type { OrgContext } from '../context.js';
import { createRecord } from '../register/register.service.js';
import { assetDependenciesModule, assetsModule } from '../risks/assets.module.js';
import { addStartingCatalog } from '../risks/threat-catalog.service.js';
import { untypedDb } from '../register/untyped-db.js';

type Level = 'low' | 'medium' | 'high' | 'very_high';
interface DemoAsset {
  key: string;
  name: string;
  type: string;
  cia: [Level | null, Level | null, Level | null];
  owner: Role;
  description?: string;
  custodian?: string;
  location?: string;
  value?: Level;
  status?: string;
  process?: string;
}

const L = 'low',
  M = 'medium',
  H = 'high',
  VH = 'very_high';

/**
 * Example Ltd's asset inventory (PayFlow, a hosted payroll service, run by 120 people from Leeds and Manchester):
 * the information it holds, the platform that processes it, the services and suppliers it depends on, people and
 * sites — including the employee's mobile phone of 27003's worked example — and which asset supports which.
 * Also loads the starting threat and vulnerability catalogs, as an organization would on day one.
 */
const ASSETS: DemoAsset[] = [
  // Information
  {
    key: 'payroll-data',
    name: 'Customer payroll data',
    type: 'information',
    cia: [VH, VH, H],
    owner: 'isms_manager',
    process: 'operations',
    custodian: 'Platform engineering',
    location: 'Cloud region eu-west-2 (primary)',
    description:
      'Salaries, bank details, tax codes and addresses of our customers’ employees, for about 400 employers.',
  },
  {
    key: 'bank-files',
    name: 'Payment instruction files',
    type: 'information',
    cia: [VH, VH, VH],
    owner: 'contributor',
    custodian: 'Platform engineering',
    description:
      'Files sent to the payment gateway on each payroll run; a wrong or late file means people are not paid.',
  },
  {
    key: 'hr-records',
    name: 'Employee HR records',
    type: 'information',
    cia: [H, M, L],
    owner: 'admin',
    custodian: 'People team',
    location: 'HR system (SaaS)',
    description: 'Contracts, reviews, sickness and salary of our own 120 staff.',
  },
  {
    key: 'source-code',
    name: 'PayFlow source code',
    type: 'information',
    cia: [M, H, M],
    owner: 'contributor',
    custodian: 'Platform engineering',
    location: 'Code hosting service',
    description: 'Application code, infrastructure definitions and build pipelines.',
  },
  {
    key: 'customer-contracts',
    name: 'Customer contracts and SLAs',
    type: 'information',
    cia: [H, M, L],
    owner: 'admin',
    custodian: 'Legal and finance',
    location: 'Document management (SaaS)',
  },
  {
    key: 'backups',
    name: 'Database backups',
    type: 'information',
    cia: [VH, H, H],
    owner: 'contributor',
    custodian: 'Platform engineering',
    location: 'Cloud region eu-west-1 (secondary)',
    description: 'Nightly encrypted snapshots kept 35 days; copies in the secondary region.',
    process: 'operations',
  },
  {
    key: 'audit-logs',
    name: 'Platform audit logs',
    type: 'information',
    cia: [M, VH, M],
    owner: 'contributor',
    custodian: 'Platform engineering',
    description: 'Who accessed and changed payroll data; evidence for customers and investigations.',
    process: 'monitoring',
  },
  {
    key: 'email-content',
    name: 'E-mail and chat content',
    type: 'information',
    cia: [H, M, M],
    owner: 'isms_manager',
    custodian: 'IT operations',
    description: 'Customer payroll queries often arrive by e-mail with attachments.',
  },
  // Software
  {
    key: 'payflow-app',
    name: 'PayFlow web application',
    type: 'software',
    cia: [VH, VH, VH],
    owner: 'contributor',
    custodian: 'Platform engineering',
    location: 'Cloud region eu-west-2 (primary)',
    process: 'operations',
  },
  {
    key: 'payroll-db',
    name: 'Payroll database (PostgreSQL)',
    type: 'software',
    cia: [VH, VH, H],
    owner: 'contributor',
    custodian: 'Platform engineering',
    location: 'Cloud region eu-west-2 (primary)',
  },
  {
    key: 'ci-pipeline',
    name: 'Build and deployment pipeline',
    type: 'software',
    cia: [M, VH, M],
    owner: 'contributor',
    custodian: 'Platform engineering',
    description: 'Builds, tests and deploys PayFlow several times a day.',
  },
  {
    key: 'identity-provider',
    name: 'Identity provider (single sign-on and MFA)',
    type: 'software',
    cia: [H, VH, VH],
    owner: 'isms_manager',
    custodian: 'IT operations',
    location: 'SaaS',
  },
  {
    key: 'authenticator',
    name: 'Authenticator app',
    type: 'software',
    cia: [H, H, H],
    owner: 'isms_manager',
    custodian: 'IT operations',
    description: 'Second factor for every account, installed on staff phones.',
  },
  {
    key: 'email-service',
    name: 'E-mail and calendar service',
    type: 'service',
    cia: [H, M, H],
    owner: 'isms_manager',
    custodian: 'IT operations',
    location: 'SaaS',
  },
  // Hardware
  {
    key: 'db-cluster',
    name: 'Database cluster (managed)',
    type: 'hardware',
    cia: [VH, VH, VH],
    owner: 'contributor',
    custodian: 'Cloud hosting provider',
    location: 'Cloud region eu-west-2 (primary)',
  },
  {
    key: 'laptops',
    name: 'Staff laptops',
    type: 'hardware',
    cia: [H, M, M],
    owner: 'isms_manager',
    custodian: 'IT operations',
    location: 'Offices and home offices',
    description: '130 managed laptops with disk encryption; a few contractor laptops are not managed.',
  },
  {
    key: 'contractor-laptop',
    name: 'Contractor laptops (unmanaged)',
    type: 'hardware',
    cia: [H, L, L],
    owner: 'isms_manager',
    custodian: 'Contractors',
    description: 'Bring-your-own devices of four contractors; encryption not verified.',
    status: 'being_retired',
  },
  {
    key: 'phone',
    name: 'Mobile phone of the head of customer support',
    type: 'hardware',
    cia: [H, M, H],
    owner: 'isms_manager',
    custodian: 'Head of customer support',
    location: 'Carried while travelling',
    description:
      'Company-issued phone with e-mail, chat and the authenticator app; used to answer customers on the move. The case 27003 works through: its theft or loss means disclosure of cached e-mail and loss of access.',
  },
  {
    key: 'leeds-network',
    name: 'Leeds office network and Wi-Fi',
    type: 'hardware',
    cia: [M, M, H],
    owner: 'contributor',
    custodian: 'IT operations',
    location: 'Leeds office',
  },
  {
    key: 'old-nas',
    name: 'Old file server (NAS)',
    type: 'hardware',
    cia: [M, L, L],
    owner: 'contributor',
    custodian: 'IT operations',
    location: 'Leeds office, comms room',
    status: 'retired',
    description: 'Replaced by the document management service; disks awaiting secure destruction.',
  },
  // Services and suppliers
  {
    key: 'cloud-primary',
    name: 'Cloud hosting — primary region',
    type: 'service',
    cia: [VH, VH, VH],
    owner: 'contributor',
    custodian: 'Cloud hosting provider',
    location: 'eu-west-2',
  },
  {
    key: 'cloud-secondary',
    name: 'Cloud hosting — disaster-recovery region',
    type: 'service',
    cia: [VH, VH, H],
    owner: 'contributor',
    custodian: 'Cloud hosting provider',
    location: 'eu-west-1',
  },
  {
    key: 'payment-gateway',
    name: 'Payment gateway',
    type: 'service',
    cia: [VH, VH, VH],
    owner: 'admin',
    custodian: 'Payment gateway provider',
    description: 'Sends salary payments to banks; separate contract and interface.',
  },
  {
    key: 'cloud-provider',
    name: 'Cloud hosting provider',
    type: 'supplier',
    cia: [VH, VH, VH],
    owner: 'contributor',
    description: 'Runs the infrastructure of PayFlow in two regions.',
  },
  { key: 'gateway-provider', name: 'Payment gateway provider', type: 'supplier', cia: [VH, VH, VH], owner: 'admin' },
  {
    key: 'soc-provider',
    name: 'Managed security monitoring provider',
    type: 'supplier',
    cia: [H, M, M],
    owner: 'isms_manager',
    status: 'planned',
    description: 'Being selected to watch alerts out of hours.',
  },
  // People, sites, processes
  {
    key: 'platform-team',
    name: 'Platform engineering team',
    type: 'people',
    cia: [null, null, VH],
    owner: 'contributor',
    description: 'Nine engineers with production access and the on-call rota.',
  },
  {
    key: 'it-ops',
    name: 'IT operations team',
    type: 'people',
    cia: [null, null, H],
    owner: 'isms_manager',
    description: 'Two people who run internal IT: a key-person dependency.',
  },
  {
    key: 'support-team',
    name: 'Customer support team',
    type: 'people',
    cia: [null, null, H],
    owner: 'admin',
    location: 'Manchester support office',
  },
  {
    key: 'leeds-office',
    name: 'Leeds office',
    type: 'site',
    cia: [M, null, H],
    owner: 'admin',
    location: 'Leeds, two floors',
  },
  {
    key: 'manchester-office',
    name: 'Manchester support office',
    type: 'site',
    cia: [M, null, M],
    owner: 'admin',
    location: 'Manchester',
  },
  {
    key: 'payroll-run',
    name: 'Monthly payroll run',
    type: 'process',
    cia: [VH, VH, VH],
    owner: 'contributor',
    value: VH,
    process: 'operations',
    description: 'Calculating, approving and paying salaries for every customer around the end of the month.',
  },
];

/** supporting asset → supported asset, with how */
const DEPENDENCIES: [string, string, string][] = [
  ['cloud-provider', 'cloud-primary', 'operates'],
  ['cloud-provider', 'cloud-secondary', 'operates'],
  ['cloud-primary', 'db-cluster', 'hosts'],
  ['cloud-primary', 'payflow-app', 'hosts'],
  ['db-cluster', 'payroll-db', 'runs'],
  ['payroll-db', 'payroll-data', 'stores'],
  ['payroll-db', 'payflow-app', 'serves data to'],
  ['cloud-secondary', 'backups', 'stores'],
  ['backups', 'payroll-data', 'allows recovery of'],
  ['ci-pipeline', 'payflow-app', 'deploys'],
  ['source-code', 'ci-pipeline', 'is built by'],
  ['payflow-app', 'payroll-run', 'computes'],
  ['payflow-app', 'bank-files', 'produces'],
  ['bank-files', 'payroll-run', 'completes'],
  ['payment-gateway', 'payroll-run', 'pays salaries for'],
  ['gateway-provider', 'payment-gateway', 'operates'],
  ['identity-provider', 'payflow-app', 'signs in administrators of'],
  ['identity-provider', 'email-service', 'signs in users of'],
  ['authenticator', 'identity-provider', 'provides the second factor for'],
  ['phone', 'authenticator', 'carries'],
  ['phone', 'email-content', 'caches'],
  ['email-service', 'email-content', 'holds'],
  ['laptops', 'source-code', 'holds working copies of'],
  ['platform-team', 'payflow-app', 'runs and fixes'],
  ['platform-team', 'payroll-run', 'supports'],
  ['it-ops', 'laptops', 'manages'],
  ['it-ops', 'identity-provider', 'administers'],
  ['support-team', 'email-content', 'answers customers through'],
  ['leeds-office', 'leeds-network', 'houses'],
  ['leeds-network', 'laptops', 'connects'],
];

export async function seedAssets(ctx: OrgContext, ids: Record<Role, string>): Promise<void> {
  await addStartingCatalog(ctx);
  const db = untypedDb(ctx.db);
  const processes = new Map(
    (
      (await db.selectFrom('ismsProcesses').select(['id', 'name']).where('orgId', '=', ctx.org.id).execute()) as {
        id: string;
        name: string;
      }[]
    ).map((p) => [p.name.toLowerCase(), p.id]),
  );
  const processId = (key?: string) => {
    if (!key) return undefined;
    const word = { operations: 'secure operations', monitoring: 'monitoring and measurement' }[key] ?? key;
    return processes.get(word);
  };
  const made = new Map<string, string>();
  for (const a of ASSETS) {
    const [confidentiality, integrity, availability] = a.cia;
    const values = assetsModule.def.createSchema.parse({
      name: a.name,
      type: a.type,
      ownerId: ids[a.owner],
      description: a.description,
      custodian: a.custodian,
      location: a.location,
      confidentiality: confidentiality ?? undefined,
      integrity: integrity ?? undefined,
      availability: availability ?? undefined,
      value: a.value,
      status: a.status,
      processId: processId(a.process),
    });
    made.set(a.key, (await createRecord(ctx, assetsModule, values as Record<string, unknown>)).id);
  }
  for (const [from, to, how] of DEPENDENCIES) {
    await createRecord(ctx, assetDependenciesModule, {
      supportingAssetId: made.get(from)!,
      supportedAssetId: made.get(to)!,
      description: how,
    });
  }
}
