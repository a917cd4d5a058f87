import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src/export/safe-file-name.ts';

describe('safeFileName', () => {
  it('keeps ordinary category names as they are', () => {
    expect(safeFileName('城区建设与管理')).toBe('城区建设与管理');
    expect(safeFileName('劳动和社会保障')).toBe('劳动和社会保障');
  });
  it('never leaves its folder nor names a device', () => {
    for (const label of ['../../etc', 'a/b', 'a\\b', 'CON', 'con.txt', 'NUL', '..', '.', '', ' x ', 'x:y', 'a\u0000b']) {
      const name = safeFileName(label);
      // eslint-disable-next-line no-control-regex -- NUL is one of the characters a file name must not keep
      expect(name).not.toMatch(/[/\\:\u0000]|\.\./);
      expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
      expect(name.length).toBeGreaterThan(0);
    }
  });
  it('shortens a 300-character name and keeps two labels apart', () => {
    const a = safeFileName('类'.repeat(300));
    const b = safeFileName(`${'类'.repeat(299)}别`);
    expect([...a].length).toBeLessThanOrEqual(69);
    expect(a).not.toBe(b);
    expect(safeFileName('a/b')).not.toBe(safeFileName('a_b'));
  });
});

describe('safeFileName, by bytes and by what a reader sees', () => {
  it('keeps a name of four-byte characters within 120 bytes, so name, hash, extension and temporary suffix fit', () => {
    const name = safeFileName('𠀀'.repeat(61));
    expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(129);
    expect(Buffer.byteLength(`${name}.svg.tmp-4194304`, 'utf8')).toBeLessThan(255);
    expect(name).not.toBe(safeFileName('𠀀'.repeat(62)));
  });
  it('drops bidirectional, zero-width, C1 and XML-invalid characters', () => {
    for (const label of ['民生\uFFFF保障', 'a\u202Egnp.exe', '民生\u200B保障', '民生\u0085保障', '民生\uFEFF保障', 'x\uD800y']) {
      const name = safeFileName(label);
      expect(name).not.toMatch(/[\u0080-\u009f\u200b-\u200f\u202a-\u202e\ufeff\uffff\ud800-\udfff]/);
      expect(name).toMatch(/-[0-9a-f]{8}$/);
    }
    expect(safeFileName('民生\u200B保障')).not.toBe(safeFileName('民生保障'));
  });
});
