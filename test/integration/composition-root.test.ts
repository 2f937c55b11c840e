import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The list of every register lives in one composition root (core/modules.ts), imported by the entry points only.
 * The generic machinery (registers, links, the audit trail) receives it as `OrgContext.registers`, so it never
 * imports the features built on it and core has no import cycle. Read from the import statements, like the
 * dependency rule test; each failure names the file and the import.
 */
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');
const ROOT = 'core/modules.ts';
const GENERIC = ['core/register/', 'core/links/', 'core/audit/'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Relative imports of a file as paths under src (`core/links/record-types.ts`); `typeOnly` for `import type`. */
function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const text = fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const statements = [...text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\bfrom\s*['"](\.[^'"\n]+)['"]/gms)].map(
    (m) => ({ spec: m[3]!, typeOnly: !!m[2] }),
  );
  const dynamic = [...text.matchAll(/\bimport\s*\(\s*['"](\.[^'"\n]+)['"]\s*\)/g)].map((m) => ({
    spec: m[1]!,
    typeOnly: false,
  }));
  return [...statements, ...dynamic].map(({ spec, typeOnly }) => {
    const abs = path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts');
    const target = fs.existsSync(abs) ? abs : abs.replace(/\.ts$/, '.tsx');
    return { target: path.relative(SRC, target).split(path.sep).join('/'), typeOnly };
  });
}

const files = sourceFiles(SRC).map((f) => path.relative(SRC, f).split(path.sep).join('/'));
const graph = new Map(files.map((f) => [f, importsOf(path.join(SRC, f))]));

describe('the composition root', () => {
  it('is imported by no file of the generic machinery (registers, links, audit trail)', () => {
    const bad = files
      .filter((f) => GENERIC.some((g) => f.startsWith(g)))
      .flatMap((f) =>
        graph
          .get(f)!
          .filter((i) => i.target === ROOT)
          .map(() => `${f} imports ${ROOT}`),
      );
    expect(bad).toEqual([]);
  });

  it('holds the register list: no other core file lists every register', () => {
    const listers = files.filter(
      (f) =>
        f.startsWith('core/') &&
        f !== ROOT &&
        /\bREGISTER_MODULES\s*[:=]/.test(fs.readFileSync(path.join(SRC, f), 'utf8')),
    );
    expect(listers).toEqual([]);
  });

  it('leaves no import cycle in core (imports run at load time; `import type` is erased)', () => {
    const core = files.filter((f) => f.startsWith('core/') && !/\.test\.tsx?$/.test(f));
    const edges = (f: string) =>
      graph
        .get(f)!
        .filter((i) => !i.typeOnly && i.target.startsWith('core/'))
        .map((i) => i.target);
    // Tarjan's strongly connected components: a component of more than one file is a cycle
    let next = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string) => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      for (const w of edges(v)) {
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) !== index.get(v)) return;
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    };
    for (const f of core) if (!index.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
