import type { Control2013Code } from './iso27001-2013.js';
import type { Control2022Code } from './iso27001-2022.js';

/**
 * The correspondence between the controls of ISO/IEC 27001:2013 Annex A and those of the 2022 edition, as
 * ISO/IEC 27002:2022 Annex B publishes it (Table B.2, 2013 → 2022): for each of the 114 controls of 2013, the
 * 2022 control(s) it corresponds to, in the order of the 2022 catalog.
 *
 * Many 2013 controls were merged into one 2022 control (A.12.4.1, A.12.4.2 and A.12.4.3 → 8.15 Logging); one was
 * split (A.18.2.3 Technical compliance review → 5.36 and 8.8). The type makes the compiler check that every 2013
 * control has an entry and that every target is a 2022 control.
 */
export const MAPPING_2013_TO_2022 = {
  // A.5 Information security policies
  'A.5.1.1': ['5.1'],
  'A.5.1.2': ['5.1'],
  // A.6 Organization of information security
  'A.6.1.1': ['5.2'],
  'A.6.1.2': ['5.3'],
  'A.6.1.3': ['5.5'],
  'A.6.1.4': ['5.6'],
  'A.6.1.5': ['5.8'],
  'A.6.2.1': ['8.1'],
  'A.6.2.2': ['6.7'],
  // A.7 Human resource security
  'A.7.1.1': ['6.1'],
  'A.7.1.2': ['6.2'],
  'A.7.2.1': ['5.4'],
  'A.7.2.2': ['6.3'],
  'A.7.2.3': ['6.4'],
  'A.7.3.1': ['6.5'],
  // A.8 Asset management
  'A.8.1.1': ['5.9'],
  'A.8.1.2': ['5.9'],
  'A.8.1.3': ['5.10'],
  'A.8.1.4': ['5.11'],
  'A.8.2.1': ['5.12'],
  'A.8.2.2': ['5.13'],
  'A.8.2.3': ['5.10'],
  'A.8.3.1': ['7.10'],
  'A.8.3.2': ['7.10'],
  'A.8.3.3': ['7.10'],
  // A.9 Access control
  'A.9.1.1': ['5.15'],
  'A.9.1.2': ['5.15'],
  'A.9.2.1': ['5.16'],
  'A.9.2.2': ['5.18'],
  'A.9.2.3': ['8.2'],
  'A.9.2.4': ['5.17'],
  'A.9.2.5': ['5.18'],
  'A.9.2.6': ['5.18'],
  'A.9.3.1': ['5.17'],
  'A.9.4.1': ['8.3'],
  'A.9.4.2': ['8.5'],
  'A.9.4.3': ['5.17'],
  'A.9.4.4': ['8.18'],
  'A.9.4.5': ['8.4'],
  // A.10 Cryptography
  'A.10.1.1': ['8.24'],
  'A.10.1.2': ['8.24'],
  // A.11 Physical and environmental security
  'A.11.1.1': ['7.1'],
  'A.11.1.2': ['7.2'],
  'A.11.1.3': ['7.3'],
  'A.11.1.4': ['7.5'],
  'A.11.1.5': ['7.6'],
  'A.11.1.6': ['7.2'],
  'A.11.2.1': ['7.8'],
  'A.11.2.2': ['7.11'],
  'A.11.2.3': ['7.12'],
  'A.11.2.4': ['7.13'],
  'A.11.2.5': ['7.10'],
  'A.11.2.6': ['7.9'],
  'A.11.2.7': ['7.14'],
  'A.11.2.8': ['8.1'],
  'A.11.2.9': ['7.7'],
  // A.12 Operations security
  'A.12.1.1': ['5.37'],
  'A.12.1.2': ['8.32'],
  'A.12.1.3': ['8.6'],
  'A.12.1.4': ['8.31'],
  'A.12.2.1': ['8.7'],
  'A.12.3.1': ['8.13'],
  'A.12.4.1': ['8.15'],
  'A.12.4.2': ['8.15'],
  'A.12.4.3': ['8.15'],
  'A.12.4.4': ['8.17'],
  'A.12.5.1': ['8.19'],
  'A.12.6.1': ['8.8'],
  'A.12.6.2': ['8.19'],
  'A.12.7.1': ['8.34'],
  // A.13 Communications security
  'A.13.1.1': ['8.20'],
  'A.13.1.2': ['8.21'],
  'A.13.1.3': ['8.22'],
  'A.13.2.1': ['5.14'],
  'A.13.2.2': ['5.14'],
  'A.13.2.3': ['5.14'],
  'A.13.2.4': ['6.6'],
  // A.14 System acquisition, development and maintenance
  'A.14.1.1': ['5.8'],
  'A.14.1.2': ['8.26'],
  'A.14.1.3': ['8.26'],
  'A.14.2.1': ['8.25'],
  'A.14.2.2': ['8.32'],
  'A.14.2.3': ['8.32'],
  'A.14.2.4': ['8.32'],
  'A.14.2.5': ['8.27'],
  'A.14.2.6': ['8.31'],
  'A.14.2.7': ['8.30'],
  'A.14.2.8': ['8.29'],
  'A.14.2.9': ['8.29'],
  'A.14.3.1': ['8.33'],
  // A.15 Supplier relationships
  'A.15.1.1': ['5.19'],
  'A.15.1.2': ['5.20'],
  'A.15.1.3': ['5.21'],
  'A.15.2.1': ['5.22'],
  'A.15.2.2': ['5.22'],
  // A.16 Information security incident management
  'A.16.1.1': ['5.24'],
  'A.16.1.2': ['6.8'],
  'A.16.1.3': ['6.8'],
  'A.16.1.4': ['5.25'],
  'A.16.1.5': ['5.26'],
  'A.16.1.6': ['5.27'],
  'A.16.1.7': ['5.28'],
  // A.17 Information security aspects of business continuity management
  'A.17.1.1': ['5.29'],
  'A.17.1.2': ['5.29'],
  'A.17.1.3': ['5.29'],
  'A.17.2.1': ['8.14'],
  // A.18 Compliance
  'A.18.1.1': ['5.31'],
  'A.18.1.2': ['5.32'],
  'A.18.1.3': ['5.33'],
  'A.18.1.4': ['5.34'],
  'A.18.1.5': ['5.31'],
  'A.18.2.1': ['5.35'],
  'A.18.2.2': ['5.36'],
  'A.18.2.3': ['5.36', '8.8'],
} as const satisfies Record<Control2013Code, readonly Control2022Code[]>;

/** The 11 controls of 2022 that have no 2013 predecessor (no 2013 control corresponds to them). */
export const NEW_IN_2022 = [
  '5.7',
  '5.23',
  '5.30',
  '7.4',
  '8.9',
  '8.10',
  '8.11',
  '8.12',
  '8.16',
  '8.23',
  '8.28',
] as const satisfies readonly Control2022Code[];

export type NewIn2022Code = (typeof NEW_IN_2022)[number];
