import { ValidationError } from '../../core/errors.js';
import type { FieldError } from '../../schema/common/problem.js';
import type { App } from '../types.js';

const MAX_DEPTH = 64;
const MAX_ERRORS = 20;

/**
 * PostgreSQL text cannot hold U+0000 (SQLite can): a NUL in a request would be stored on one database and make the
 * query fail with a 500 on the other. Every string the API receives (path, query, JSON body, keys included) is
 * refused with a 400 naming the field. Runs after authorization, before schema validation and core code.
 */
export function registerNulGuard(app: App) {
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const errors: FieldError[] = [];
    const walk = (value: unknown, path: string, depth: number) => {
      if (errors.length >= MAX_ERRORS || depth > MAX_DEPTH) return;
      if (typeof value === 'string') {
        if (value.includes('\u0000')) errors.push({ field: path, message: 'Must not contain NUL characters' });
        return;
      }
      if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) return;
      for (const [key, v] of Object.entries(value)) {
        if (key.includes('\u0000'))
          errors.push({ field: `${path}.${key}`, message: 'Must not contain NUL characters' });
        walk(v, `${path}.${key}`, depth + 1);
      }
    };
    walk(request.params, 'path', 0);
    walk(request.query, 'query', 0);
    walk(request.body, 'body', 0);
    if (errors.length) throw new ValidationError(errors);
  });
}
