import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The UI kit stays the one way (ENGINEERING.md, "one UI kit and one form hook"): outside `src/web/ui/`, no file
 * renders a raw `<dialog>` (use `Dialog`), a raw `<form>` (use `Form` with `useForm`, whose `form` prop only the
 * hook gives) or a `<button>` styled with the kit's classes (use `Button`). Read from the JSX of every .tsx file,
 * each failure names the file and the line.
 */
const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/web');
const KIT = path.join(WEB, 'ui');

const where = (e: Element) => `${e.file}:${e.line}`;

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p === KIT ? [] : tsxFiles(p);
    return e.name.endsWith('.tsx') ? [p] : [];
  });
}

interface Element {
  file: string;
  line: number;
  tag: string;
  /** the className when it is a string or a template (its text), else undefined */
  className: string | undefined;
}

function elements(file: string): Element[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const out: Element[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      let className: string | undefined;
      for (const attr of node.attributes.properties) {
        if (!ts.isJsxAttribute(attr) || attr.name.getText(source) !== 'className' || !attr.initializer) continue;
        className = attr.initializer.getText(source);
      }
      out.push({
        file: path.relative(WEB, file),
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        tag: node.tagName.getText(source),
        className,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const all = tsxFiles(WEB).flatMap(elements);
const raw = (tag: string) => all.filter((e) => e.tag === tag).map(where);

describe('the UI kit is the one way to build dialogs, forms and buttons', () => {
  it('finds the JSX it scans (the scan itself works)', () => {
    expect(all.filter((e) => e.tag === 'Form').length).toBeGreaterThan(10);
    expect(all.filter((e) => e.tag === 'Button').length).toBeGreaterThan(50);
  });

  it('renders no raw <dialog> outside src/web/ui', () => {
    expect(raw('dialog')).toEqual([]);
  });

  it('renders no raw <form> outside src/web/ui: forms are <Form form={useForm(…)}>', () => {
    expect(raw('form')).toEqual([]);
  });

  it('styles no raw <button> with the button classes outside src/web/ui', () => {
    const raw = all.filter(
      (e) => e.tag === 'button' && e.className !== undefined && /(^|[\s"'`])button(--|[\s"'`])/.test(e.className),
    );
    expect(raw.map(where)).toEqual([]);
  });
});
