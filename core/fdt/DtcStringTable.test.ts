import { describe, expect, it } from 'vitest';
import { DtcStringTable } from './DtcStringTable';

/** dtc's stringtable_insert, literally: the first position whose NUL-terminated string equals `name`. */
function dtcInsert(table: string[], name: string): number {
  const text = table.join('');
  for (let i = 0; i < text.length; i++) {
    const end = text.indexOf('\0', i);
    if (text.slice(i, end) === name) return i;
  }
  table.push(`${name}\0`);
  return text.length;
}

describe('DtcStringTable', () => {
  it('stores each name once and reuses tails of earlier names', () => {
    const table = new DtcStringTable();
    expect(table.insert('linux,name')).toBe(0);
    expect(table.insert('name')).toBe(6);
    expect(table.insert('linux,name')).toBe(0);
    expect(table.insert('e')).toBe(9);
    expect(table.insert('reg')).toBe(11);
    expect(table.insert('g')).toBe(13);
    expect(table.insert('x-name')).toBe(15);
    // "name" already maps to its first occurrence, not the later one inside "x-name".
    expect(table.insert('name')).toBe(6);
    expect(new TextDecoder().decode(table.view())).toBe('linux,name\0reg\0x-name\0');
  });

  it('matches a literal transcription of dtc for many random names, long ones included', () => {
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const names = Array.from({ length: 400 }, () => {
      const length = random(5) === 0 ? 250 + random(20) : 1 + random(6);
      return Array.from({ length }, () => 'abc,-'[random(5)]).join('');
    });
    const table = new DtcStringTable();
    const reference: string[] = [];
    for (const name of names) expect(table.insert(name)).toBe(dtcInsert(reference, name));
    expect(new TextDecoder().decode(table.view())).toBe(reference.join(''));
  });
});
