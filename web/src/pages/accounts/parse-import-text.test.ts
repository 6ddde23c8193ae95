import { describe, expect, it } from 'vitest';
import { parseImportText } from './account-import-modal';

describe('parseImportText', () => {
  it('accepts an array or a single object', () => {
    expect(parseImportText('[{"name":"a"},{"name":"b"}]')).toEqual({ ok: true, rows: [{ name: 'a' }, { name: 'b' }] });
    expect(parseImportText('{"name":"a"}')).toEqual({ ok: true, rows: [{ name: 'a' }] });
  });

  it('explains bad input', () => {
    expect(parseImportText('')).toMatchObject({ ok: false });
    expect(parseImportText('[')).toMatchObject({ ok: false, message: expect.stringContaining('Not valid JSON') });
    expect(parseImportText('[]')).toEqual({ ok: false, message: 'The array is empty.' });
    expect(parseImportText('42')).toMatchObject({ ok: false });
  });
});
