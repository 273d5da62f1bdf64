import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readUncheckedSuspects } from './uncheckedSuspects';

describe('readUncheckedSuspects', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khoscope-unchecked-'));
  afterAll(() => rmSync(dir, { recursive: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reads the seed and the suspects a run left', () => {
    const suspect = { family: 'giants', index: 136, kind: 'slow', message: '1134 ms for 856912 bytes touched' };
    const path = file('ok.json', JSON.stringify({ run: { seed: 2208 }, findings: [], notRechecked: [suspect] }));
    expect(readUncheckedSuspects(path)).toEqual({ seed: 2208, suspects: [suspect] });
  });

  it('names the file and what is wrong with it', () => {
    expect(() => readUncheckedSuspects(file('seedless.json', '{"notRechecked": []}'))).toThrow(
      /seedless\.json: no run\.seed; expected the summary JSON of a fuzz run/,
    );
    expect(() => readUncheckedSuspects(file('old.json', '{"run": {"seed": 1}}'))).toThrow(
      /old\.json: no notRechecked list/,
    );
    const entry = '{"run": {"seed": 1}, "notRechecked": [{"family": "raw", "index": "7"}]}';
    expect(() => readUncheckedSuspects(file('entry.json', entry))).toThrow(
      /notRechecked\[0\] is not \{ family, index, kind, message \}/,
    );
    expect(() => readUncheckedSuspects(file('text.json', 'fuzz run: seed 1'))).toThrow(/text\.json: .*JSON/);
    expect(() => readUncheckedSuspects(join(dir, 'missing.json'))).toThrow(/missing\.json: ENOENT/);
  });
});
