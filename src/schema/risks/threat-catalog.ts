import { z } from 'zod';
import type { THREAT_GROUPS, THREAT_ORIGINS } from './threat.register.js';
import type { VULNERABILITY_GROUPS } from './vulnerability.register.js';

/**
 * The starting threat and vulnerability catalogs, written by the Rampart project for organizations that identify
 * risks from assets, threats and vulnerabilities (27001 6.1.2 c). Grouped the way ISO/IEC 27005 and 27003 6.1.2
 * group them; every name and description is the project's own. An organization loads them once, then renames,
 * rewrites, archives and adds entries like any other record: each item's stable key makes loading again add only
 * what the organization never had.
 */
export interface StarterThreat {
  key: string;
  name: string;
  group: (typeof THREAT_GROUPS)[number];
  origin: (typeof THREAT_ORIGINS)[number];
  description: string;
  /** which of confidentiality, integrity and availability the threat typically harms */
  c: boolean;
  i: boolean;
  a: boolean;
}

export interface StarterVulnerability {
  key: string;
  name: string;
  group: (typeof VULNERABILITY_GROUPS)[number];
  description: string;
}

const T = (
  key: string,
  group: StarterThreat['group'],
  origin: StarterThreat['origin'],
  cia: string,
  name: string,
  description: string,
): StarterThreat => ({
  key,
  name,
  group,
  origin,
  description,
  c: cia.includes('C'),
  i: cia.includes('I'),
  a: cia.includes('A'),
});
const V = (
  key: string,
  group: StarterVulnerability['group'],
  name: string,
  description: string,
): StarterVulnerability => ({ key, name, group, description });

export const STARTER_THREATS: readonly StarterThreat[] = [
  // Physical
  T(
    'thr-fire',
    'physical',
    'accidental',
    'IA',
    'Fire',
    'A fire in or next to the premises, from faulty wiring, overheated equipment or carelessness, that destroys equipment, media and paper records.',
  ),
  T(
    'thr-water',
    'physical',
    'accidental',
    'IA',
    'Water damage',
    'Water from a burst pipe, a leaking roof, a sprinkler or a flood on the floor above reaches equipment or stored records.',
  ),
  T(
    'thr-dust-corrosion',
    'physical',
    'environmental',
    'IA',
    'Dust, corrosion or freezing',
    'Dirt, damp, corrosive air or frost slowly degrades equipment and storage media until they fail or lose data.',
  ),
  T(
    'thr-major-accident',
    'physical',
    'accidental',
    'A',
    'Major accident nearby',
    'An explosion, chemical release or transport accident near the site forces an evacuation or closes access to it.',
  ),
  T(
    'thr-vandalism',
    'physical',
    'deliberate',
    'IA',
    'Vandalism or physical sabotage',
    'Someone deliberately damages equipment, cabling or media, from outside or from within the organization.',
  ),
  T(
    'thr-radiation',
    'physical',
    'environmental',
    'IA',
    'Electromagnetic or thermal disturbance',
    'Strong electromagnetic fields, pulses or heat sources disturb equipment or corrupt what it stores or transmits.',
  ),
  // Natural
  T(
    'thr-flood',
    'natural',
    'environmental',
    'A',
    'Flood',
    'A river, sea or flash flood makes the premises, a data centre or the roads to them unusable for days.',
  ),
  T(
    'thr-storm',
    'natural',
    'environmental',
    'A',
    'Severe storm or lightning',
    'High winds, heavy snow or a lightning strike damage buildings, power lines and telecommunication links.',
  ),
  T(
    'thr-heat',
    'natural',
    'environmental',
    'A',
    'Extreme heat',
    'A heatwave, more frequent as the climate changes, overwhelms cooling and makes people and equipment work badly.',
  ),
  T(
    'thr-earthquake',
    'natural',
    'environmental',
    'IA',
    'Earthquake or landslide',
    'Ground movement damages buildings, racks and underground cables; aftershocks can prolong the disruption.',
  ),
  T(
    'thr-epidemic',
    'natural',
    'environmental',
    'A',
    'Epidemic',
    'A contagious disease keeps a large part of the staff, or of a supplier\u2019s staff, away from work at the same time.',
  ),
  // Infrastructure failure
  T(
    'thr-power',
    'infrastructure_failure',
    'accidental',
    'IA',
    'Loss of power supply',
    'The mains supply fails or fluctuates; systems stop abruptly and data being written can be lost or damaged.',
  ),
  T(
    'thr-cooling',
    'infrastructure_failure',
    'accidental',
    'A',
    'Failure of cooling or air conditioning',
    'Cooling breaks down and server rooms overheat, so equipment shuts itself down or fails.',
  ),
  T(
    'thr-telecom',
    'infrastructure_failure',
    'accidental',
    'A',
    'Loss of network or internet connectivity',
    'A carrier outage, cut cable or failed router leaves offices or services unable to reach each other or the internet.',
  ),
  T(
    'thr-provider-outage',
    'infrastructure_failure',
    'accidental',
    'A',
    'Outage of a hosting or cloud provider',
    'The data centre, cloud region or platform a service runs on becomes unavailable for hours or longer.',
  ),
  T(
    'thr-premises-access',
    'infrastructure_failure',
    'accidental',
    'A',
    'Loss of access to premises',
    'A building cannot be entered (police cordon, structural problem, failed access system), so on-site work and equipment are out of reach.',
  ),
  // Technical failure
  T(
    'thr-equipment-failure',
    'technical_failure',
    'accidental',
    'IA',
    'Equipment failure',
    'A server, disk, network device or laptop breaks down and the data or service on it is lost until repaired or restored.',
  ),
  T(
    'thr-equipment-malfunction',
    'technical_failure',
    'accidental',
    'I',
    'Equipment malfunction',
    'Equipment keeps running but produces wrong results, such as a faulty memory module silently corrupting data.',
  ),
  T(
    'thr-software-malfunction',
    'technical_failure',
    'accidental',
    'IA',
    'Software malfunction',
    'A defect in an application, an update or a library makes it crash, hang or compute and store wrong data.',
  ),
  T(
    'thr-saturation',
    'technical_failure',
    'accidental',
    'A',
    'Saturation of capacity',
    'Storage, processing or bandwidth runs out at a peak (month end, payday) and the service slows down or stops.',
  ),
  T(
    'thr-unmaintainable',
    'technical_failure',
    'accidental',
    'IA',
    'System that can no longer be maintained',
    'The vendor withdraws support, the skills are gone or spare parts no longer exist, so faults cannot be fixed.',
  ),
  // Human actions, accidental
  T(
    'thr-user-error',
    'human_accidental',
    'accidental',
    'CIA',
    'Error in use',
    'Someone enters wrong data, runs the wrong job or follows a procedure incorrectly, with effects that spread before anyone notices.',
  ),
  T(
    'thr-misconfiguration',
    'human_accidental',
    'accidental',
    'CIA',
    'Misconfiguration',
    'A setting is changed wrongly, for example storage made public or a firewall rule opened too wide.',
  ),
  T(
    'thr-misdirected',
    'human_accidental',
    'accidental',
    'C',
    'Information sent to the wrong recipient',
    'An e-mail, file or letter reaches someone who should never have received it, often through address auto-completion.',
  ),
  T(
    'thr-accidental-deletion',
    'human_accidental',
    'accidental',
    'IA',
    'Accidental deletion or overwriting',
    'Files, records or whole environments are deleted or overwritten by mistake.',
  ),
  T(
    'thr-device-loss',
    'human_accidental',
    'accidental',
    'CA',
    'Loss of a mobile device or storage media',
    'A phone, laptop, USB stick or paper file is left behind while travelling or commuting and is not recovered.',
  ),
  // Human actions, deliberate
  T(
    'thr-malware',
    'human_deliberate',
    'deliberate',
    'CIA',
    'Malware and ransomware',
    'Malicious code reaches a device or server, steals data, encrypts it for ransom or spreads to other systems.',
  ),
  T(
    'thr-phishing',
    'human_deliberate',
    'deliberate',
    'CI',
    'Phishing and social engineering',
    'Attackers pose as a colleague, supplier or service to trick people into revealing credentials, paying or installing something.',
  ),
  T(
    'thr-intrusion',
    'human_deliberate',
    'deliberate',
    'CIA',
    'Intrusion into systems',
    'An outsider gets into networks or applications by exploiting a weakness, then moves on towards valuable data.',
  ),
  T(
    'thr-denial-of-service',
    'human_deliberate',
    'deliberate',
    'A',
    'Denial-of-service attack',
    'Traffic or requests are sent deliberately to overwhelm a service so that legitimate users cannot reach it.',
  ),
  T(
    'thr-fraud',
    'human_deliberate',
    'deliberate',
    'I',
    'Fraud',
    'Someone inside or outside alters payments, records or approvals for their own gain.',
  ),
  T(
    'thr-unauthorised-software',
    'human_deliberate',
    'deliberate',
    'CI',
    'Use of unauthorized or counterfeit software',
    'Unlicensed, pirated or unapproved software is installed, bringing legal exposure and hidden malicious functions.',
  ),
  T(
    'thr-data-tampering',
    'human_deliberate',
    'deliberate',
    'I',
    'Deliberate corruption of data',
    'Records, logs or backups are altered or destroyed on purpose, to hide something or to cause harm.',
  ),
  // Compromise of functions
  T(
    'thr-abuse-of-rights',
    'compromise_of_functions',
    'deliberate',
    'CI',
    'Abuse of access rights',
    'A person with legitimate access uses it beyond their duties, for example an administrator reading salary data.',
  ),
  T(
    'thr-forged-rights',
    'compromise_of_functions',
    'deliberate',
    'CI',
    'Forged rights or stolen identity',
    'Stolen credentials, session tokens or forged permissions let someone act as another user.',
  ),
  T(
    'thr-repudiation',
    'compromise_of_functions',
    'deliberate',
    'I',
    'Denial of actions',
    'Someone denies having approved, sent or changed something, and the records cannot show otherwise.',
  ),
  T(
    'thr-staff-unavailable',
    'compromise_of_functions',
    'accidental',
    'A',
    'Unavailability of key personnel',
    'The only people who know how to run a process or system are ill, on leave or gone.',
  ),
  T(
    'thr-unlawful-processing',
    'compromise_of_functions',
    'accidental',
    'CI',
    'Unlawful processing of personal data',
    'Personal data is collected, kept or used beyond its lawful purpose, through design or habit rather than malice.',
  ),
  // Compromise of information
  T(
    'thr-interception',
    'compromise_of_information',
    'deliberate',
    'C',
    'Interception of communications',
    'Network traffic, calls or messages are captured in transit, for example on a public wireless network.',
  ),
  T(
    'thr-eavesdropping',
    'compromise_of_information',
    'deliberate',
    'C',
    'Eavesdropping and shoulder surfing',
    'Conversations are overheard or screens read in trains, cafés, shared offices or video calls.',
  ),
  T(
    'thr-theft',
    'compromise_of_information',
    'deliberate',
    'CA',
    'Theft of equipment, media or documents',
    'Laptops, phones, disks or paper files are stolen from offices, cars, homes or while travelling.',
  ),
  T(
    'thr-discarded-media',
    'compromise_of_information',
    'deliberate',
    'C',
    'Recovery of discarded media',
    'Data is read from disks, devices or paper that were thrown away, sold or recycled without being wiped.',
  ),
  T(
    'thr-disclosure',
    'compromise_of_information',
    'deliberate',
    'C',
    'Disclosure of information',
    'Confidential information is passed to outsiders, the press or competitors, on purpose or through careless talk.',
  ),
  T(
    'thr-untrustworthy-data',
    'compromise_of_information',
    'accidental',
    'I',
    'Data from untrustworthy sources',
    'Information received from a supplier, customer or public source is wrong or manipulated, and decisions rely on it.',
  ),
  T(
    'thr-supply-chain-tampering',
    'compromise_of_information',
    'deliberate',
    'CI',
    'Tampering with hardware or software',
    'A component, update or dependency is modified before it arrives, so that it leaks or alters data once installed.',
  ),
];

export const STARTER_VULNERABILITIES: readonly StarterVulnerability[] = [
  // Hardware
  V(
    'vul-maintenance',
    'hardware',
    'Insufficient maintenance of equipment',
    'Equipment is not serviced, monitored or replaced on schedule, so wear shows up as sudden failure.',
  ),
  V(
    'vul-environment-sensitive',
    'hardware',
    'Equipment sensitive to heat, humidity or dust',
    'Equipment stands where temperature, damp or dirt are not controlled.',
  ),
  V(
    'vul-no-ups',
    'hardware',
    'No protection against power variations',
    'No uninterruptible power supply or surge protection stands between the mains and critical equipment.',
  ),
  V(
    'vul-disposal',
    'hardware',
    'Media disposed of without secure erasure',
    'Disks, phones and printers leave the organization with their data still readable.',
  ),
  V(
    'vul-unencrypted-portable',
    'hardware',
    'Unencrypted portable devices',
    'Laptops, phones and removable media hold company data without full-disk or device encryption.',
  ),
  V(
    'vul-unattended-device',
    'hardware',
    'Devices left unattended or unlocked',
    'Screens are not locked automatically and devices are left in cars, meeting rooms or public places.',
  ),
  V(
    'vul-single-hardware',
    'hardware',
    'No redundancy for critical hardware',
    'A single server, disk controller or network device carries a critical service with no spare or failover.',
  ),
  // Software
  V(
    'vul-unpatched',
    'software',
    'Missing security updates',
    'Operating systems, applications or libraries run with known, published flaws that have fixes available.',
  ),
  V(
    'vul-unsupported',
    'software',
    'Unsupported or end-of-life software',
    'Software that no longer receives security fixes is still in use.',
  ),
  V(
    'vul-insufficient-testing',
    'software',
    'Insufficient testing of software',
    'Changes go to production without tests that would reveal defects or security flaws.',
  ),
  V(
    'vul-insecure-defaults',
    'software',
    'Default or insecure configuration',
    'Systems keep vendor defaults: sample accounts, open services, default passwords or logging switched off.',
  ),
  V(
    'vul-weak-authentication',
    'software',
    'Weak authentication',
    'Access relies on a password alone, passwords are short or shared, or there is no lock-out after repeated failures.',
  ),
  V(
    'vul-excessive-privileges',
    'software',
    'Access rights broader than needed',
    'Users and service accounts hold more rights than their tasks require, often accumulated over years.',
  ),
  V(
    'vul-no-logging',
    'software',
    'No audit trail',
    'Who did what and when is not recorded, or the records can be altered by the people they describe.',
  ),
  V(
    'vul-input-validation',
    'software',
    'Input not validated',
    'Applications trust what they receive, opening the door to injection and similar well-known attacks.',
  ),
  V(
    'vul-untested-backups',
    'software',
    'Backups missing, incomplete or never restored',
    'Backups do not cover everything, sit beside production or have never been restored in a test.',
  ),
  // Network
  V(
    'vul-unencrypted-traffic',
    'network',
    'Unencrypted network traffic',
    'Data travels between sites, users or services without encryption.',
  ),
  V(
    'vul-flat-network',
    'network',
    'No network segmentation',
    'Office devices, servers and production systems share one network, so one compromised machine reaches all.',
  ),
  V(
    'vul-exposed-services',
    'network',
    'Services needlessly exposed to the internet',
    'Administration interfaces, databases or test systems can be reached from anywhere.',
  ),
  V(
    'vul-single-connection',
    'network',
    'Single connection without a fallback',
    'A site or service depends on one line or one carrier.',
  ),
  V(
    'vul-insecure-wireless',
    'network',
    'Insecure wireless network',
    'The wireless network uses weak or shared keys, or guests share it with staff devices.',
  ),
  V(
    'vul-remote-access',
    'network',
    'Remote access without strong authentication',
    'Remote access to the network or to administration tools needs no second factor.',
  ),
  V(
    'vul-no-monitoring',
    'network',
    'No monitoring of network activity',
    'Unusual traffic, scans or connections go unnoticed because nobody watches or alerts on them.',
  ),
  // Personnel
  V(
    'vul-awareness',
    'personnel',
    'Insufficient security awareness',
    'Staff have not learned to recognise phishing, handle information by its classification or report incidents.',
  ),
  V(
    'vul-key-person',
    'personnel',
    'Dependence on a few key people',
    'Knowledge of critical systems or processes lies with one or two people and is not written down.',
  ),
  V(
    'vul-screening',
    'personnel',
    'Insufficient screening of staff',
    'People get access to sensitive information before the checks their role calls for are done.',
  ),
  V(
    'vul-unsupervised-externals',
    'personnel',
    'Unsupervised work of external staff',
    'Contractors, cleaners or visitors work near sensitive information or equipment with nobody watching.',
  ),
  V(
    'vul-no-instructions',
    'personnel',
    'No instructions for correct use',
    'People use systems and devices without guidance, so mistakes and unsafe shortcuts are common.',
  ),
  V(
    'vul-leaver-access',
    'personnel',
    'Access kept after leaving or changing role',
    'Accounts and badges are not removed or reduced promptly when someone leaves or moves.',
  ),
  // Site
  V(
    'vul-physical-access',
    'site',
    'Weak physical access control',
    'Buildings, server rooms or archives can be entered without a badge, key or escort.',
  ),
  V(
    'vul-flood-zone',
    'site',
    'Site in an area prone to flooding',
    'Premises or a data centre lie in a flood plain or have equipment in the basement.',
  ),
  V(
    'vul-no-backup-power',
    'site',
    'No backup power at the site',
    'The site has no generator, or it has never been tested under load.',
  ),
  V(
    'vul-fire-protection',
    'site',
    'Insufficient fire detection and suppression',
    'Detectors, extinguishers or suppression systems are missing, unsuitable for equipment or not inspected.',
  ),
  V(
    'vul-unprotected-storage',
    'site',
    'Unprotected storage of documents and media',
    'Paper files, backups and spare devices are kept in unlocked cupboards or shared rooms.',
  ),
  V(
    'vul-shared-premises',
    'site',
    'Premises shared with other organizations',
    'Reception, corridors, printers or network rooms are shared with other tenants.',
  ),
  // Organization
  V(
    'vul-no-access-process',
    'organization',
    'No formal process for granting and reviewing access',
    'Access is granted on request without approval, and nobody reviews periodically who has what.',
  ),
  V(
    'vul-supplier-clauses',
    'organization',
    'No security requirements for suppliers',
    'Contracts do not say how suppliers must protect information, report incidents or let themselves be checked.',
  ),
  V(
    'vul-no-incident-process',
    'organization',
    'No incident management procedure',
    'Nobody knows whom to tell or what to do when something goes wrong, so responses are slow and improvised.',
  ),
  V(
    'vul-incomplete-inventory',
    'organization',
    'Incomplete asset inventory',
    'Assets and their owners are not all known, so some are neither protected nor maintained.',
  ),
  V(
    'vul-no-change-control',
    'organization',
    'No change management',
    'Changes to systems are made without assessment, approval, testing or a way back.',
  ),
  V(
    'vul-no-continuity-plan',
    'organization',
    'No tested continuity plan',
    'There is no plan for keeping critical activities going after a disruption, or it has never been exercised.',
  ),
  V(
    'vul-clear-desk',
    'organization',
    'No clear desk and clear screen rules',
    'Documents, notes with passwords and unlocked screens are left in view.',
  ),
  V(
    'vul-mobile-policy',
    'organization',
    'No rules for mobile devices',
    'Nothing says how phones and tablets holding company data must be protected, or what to do when one is lost.',
  ),
];

/** `POST /threat-catalog/starting-set`: which catalogs to load (both when absent). */
export const CATALOG_PARTS = ['threats', 'vulnerabilities'] as const;
export const catalogStartingSetBodySchema = z.strictObject({
  parts: z.array(z.enum(CATALOG_PARTS)).min(1).max(2).optional(),
});
export type CatalogStartingSetBody = z.infer<typeof catalogStartingSetBodySchema>;

const counts = z.object({ created: z.number().int(), existing: z.number().int() });
export const catalogStartingSetResultSchema = z.object({ threats: counts, vulnerabilities: counts });
export type CatalogStartingSetResult = z.infer<typeof catalogStartingSetResultSchema>;
