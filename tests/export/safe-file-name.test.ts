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
