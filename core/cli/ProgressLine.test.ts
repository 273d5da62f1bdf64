import { describe, expect, it } from 'vitest';
import { ProgressLine } from './ProgressLine';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('ProgressLine', () => {
  it('draws in place on a terminal and clears the line when done', () => {
    const tty = stream(true);
    const line = new ProgressLine(tty);
    expect(line.active).toBe(true);
    line.update('scanning: 10%');
    line.update('scanning: 11%'); // within 100 ms of the last redraw: skipped
    line.update('scanning: 100%', true);
    line.clear();
    line.clear();
    expect(tty.written).toEqual(['\r\x1b[Kscanning: 10%', '\r\x1b[Kscanning: 100%', '\r\x1b[K']);
  });

  it('writes nothing at all when stderr is a pipe or a file', () => {
    const pipe = stream(false);
    const line = new ProgressLine(pipe);
    expect(line.active).toBe(false);
    line.update('scanning: 10%', true);
    line.clear();
    expect(pipe.written).toEqual([]);
  });
});
