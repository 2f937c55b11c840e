import { scopeRegister } from '../../schema/scope/scope.register.js';
import { scopeVersioned } from '../../schema/scope/scope.versioned.js';
import type { RegisterModule } from '../register/register-module.js';
import type { VersionedModule } from '../versioning/versioned-module.js';

/** The scope statement: a register row (title, owner, review date) whose text is versioned and approved. */
export const scopeModule: RegisterModule = { def: scopeRegister };

export const scopeVersionedModule: VersionedModule = { register: scopeModule, versioned: scopeVersioned };
