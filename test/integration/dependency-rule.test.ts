import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The folder rule of ENGINEERING.md, read from the import statements of every .ts/.tsx file under src/:
 * schema ← db ← core ← {server, cli, reports}; web imports only schema and web. Each failure names the file and
 * the import.
 */
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

interface Import {
  file: string;
  spec: string;
  /** for imports inside src: the path relative to src (`core/audit/audit.service.ts`) */
  target: string | null;
  /** for package imports: the package name */
  pkg: string | null;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function importsOf(file: string): Import[] {
  const text = fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const specs = [
    // `… } from './x.js';` ends a statement line; `import './x.css';` stands alone; import('./x.js') anywhere
    ...text.matchAll(/(?:^|[\s}*])from\s*['"]([^'"\n]+)['"]\s*;?\s*$/gm),
    ...text.matchAll(/^\s*import\s*['"]([^'"\n]+)['"]\s*;?\s*$/gm),
    ...text.matchAll(/\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g),
    ...text.matchAll(/\brequire\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g),
  ].map((m) => m[1]!.split('?')[0]!);
  const rel = path.relative(SRC, file);
  return specs.map((spec) => {
    if (spec.startsWith('.')) {
      const abs = path.resolve(path.dirname(file), spec);
      const target = path.relative(SRC, abs);
      return { file: rel, spec, target: target.startsWith('..') ? `<outside src>/${target}` : target, pkg: null };
    }
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
    return { file: rel, spec, target: null, pkg: BUILTINS.has(spec) ? 'node:builtin' : pkg };
  });
}

const layer = (p: string) => p.split(path.sep)[0]!;
const all = sourceFiles(SRC).flatMap(importsOf);
const isTest = (i: Import) => /\.test\.tsx?$/.test(i.file);
const show = (bad: Import[]) => bad.map((i) => `${i.file}: import '${i.spec}'`);
const from = (...layers: string[]) => all.filter((i) => layers.includes(layer(i.file)));

describe('dependency rule (src/ folders)', () => {
  it('reads imports from every layer', () => {
    const layers = new Set(all.map((i) => layer(i.file)));
    for (const l of ['schema', 'db', 'core', 'server', 'web']) expect(layers).toContain(l);
    expect(all.length).toBeGreaterThan(100);
  });

  it('schema imports only zod and schema', () => {
    const bad = from('schema').filter((i) =>
      i.target
        ? layer(i.target) !== 'schema'
        : i.pkg !== 'zod' && !(isTest(i) && ['vitest', 'fast-check'].includes(i.pkg ?? '')),
    );
    expect(show(bad)).toEqual([]);
  });

  it('db imports only db, kysely, pg, better-sqlite3 and Node built-ins', () => {
    const allowed = new Set(['kysely', 'pg', 'better-sqlite3', 'node:builtin']);
    const bad = from('db').filter((i) =>
      i.target ? layer(i.target) !== 'db' : !allowed.has(i.pkg!) && !(isTest(i) && i.pkg === 'vitest'),
    );
    expect(show(bad)).toEqual([]);
  });

  it('migrations import nothing of the app outside src/db/migrations', () => {
    const migrations = path.join('db', 'migrations') + path.sep;
    const bad = all.filter((i) => i.file.startsWith(migrations) && i.target && !i.target.startsWith(migrations));
    expect(show(bad)).toEqual([]);
    expect(all.some((i) => i.file.startsWith(migrations))).toBe(true);
  });

  it('core never imports server, cli, web or reports', () => {
    const bad = from('core').filter((i) => i.target && ['server', 'cli', 'web', 'reports'].includes(layer(i.target)));
    expect(show(bad)).toEqual([]);
  });

  it('server, cli and reports never import web', () => {
    const bad = from('server', 'cli', 'reports').filter((i) => i.target && layer(i.target) === 'web');
    expect(show(bad)).toEqual([]);
  });

  it('web imports only schema, web and npm packages', () => {
    const bad = from('web').filter((i) =>
      i.target ? !['schema', 'web'].includes(layer(i.target)) : i.pkg === 'node:builtin',
    );
    expect(show(bad)).toEqual([]);
  });

  it('nothing imports from outside src', () => {
    expect(show(all.filter((i) => i.target?.startsWith('<outside src>')))).toEqual([]);
  });
});
