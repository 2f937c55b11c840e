import { actionsModule } from '../actions/actions.module.js';
import type { RegisterModule } from './register-module.js';

/** Every register of the product. A new module adds its RegisterModule here and gets routes, links and CSV. */
export const REGISTER_MODULES: readonly RegisterModule[] = [actionsModule];

export function registerByEntity(entity: string): RegisterModule | undefined {
  return REGISTER_MODULES.find((m) => m.def.entity === entity);
}
