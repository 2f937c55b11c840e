import { describe, expect, it } from 'vitest';
import { attachmentDisposition, sanitizeFileName } from './file-name.js';

describe('sanitizeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\boot.ini', 'boot.ini'],
    ['report"final".pdf', 'report_final_.pdf'],
    ['tab\there\nnew line.txt', 'tabherenew line.txt'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['\u200e\u200fmarks\u061c.csv', 'marks.csv'],
    ['nul', '_nul'],
    ['LPT1.log', '_LPT1.log'],
    ['lpt10.log', 'lpt10.log'],
    ['trailing dots...', 'trailing dots'],
    ['...', ''],
    ['', ''],
    ['e\u0301t\u00e9.txt', '\u00e9t\u00e9.txt'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('keeps the extension when it shortens a long name', () => {
    const out = sanitizeFileName(`${'a'.repeat(500)}.xlsx`);
    expect(out).toHaveLength(200);
    expect(out.endsWith('.xlsx')).toBe(true);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Audit «Q1» 100%.pdf')).toBe(
      `attachment; filename="Audit _Q1_ 100_.pdf"; filename*=UTF-8''Audit%20%C2%ABQ1%C2%BB%20100%25.pdf`,
    );
    expect(attachmentDisposition("it's (final).txt")).toBe(
      `attachment; filename="it's (final).txt"; filename*=UTF-8''it%27s%20%28final%29.txt`,
    );
  });
});
