import { describe, expect, it } from 'vitest';
import { importContentType, importErrorsFromFields } from './register-import.js';

describe('register import helpers', () => {
  it('sends CSV and XLSX with the content type the server parses, and nothing else', () => {
    expect(importContentType('actions.CSV')).toBe('text/csv');
    expect(importContentType('export.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(importContentType('old.xls')).toBeUndefined();
    expect(importContentType('notes.txt')).toBeUndefined();
  });

  it('reads line and field back from the errors of a refused real run', () => {
    expect(
      importErrorsFromFields([
        { field: 'rows[3].dueDate', message: 'Invalid date' },
        { field: 'body', message: 'Empty file' },
      ]),
    ).toEqual([
      { line: 3, field: 'dueDate', message: 'Invalid date' },
      { line: 0, field: 'body', message: 'Empty file' },
    ]);
  });
});
