import { threatRegister } from '../../schema/risks/threat.register.js';
import { vulnerabilityRegister } from '../../schema/risks/vulnerability.register.js';
import type { RegisterModule } from '../register/register-module.js';

/** The threat catalog: plain register records; the starting entries carry a server-set `starterKey`. */
export const threatsModule: RegisterModule = { def: threatRegister };

/** The vulnerability catalog, likewise. */
export const vulnerabilitiesModule: RegisterModule = { def: vulnerabilityRegister };
