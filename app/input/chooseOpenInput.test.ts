import { describe, expect, it } from 'vitest';
import type { InputFile } from '../worker/protocol';
import { chooseOpenInput } from './chooseOpenInput';

const input = (path: string): InputFile => ({ file: new File(['x'], path.slice(path.lastIndexOf('/') + 1)), path });

describe('chooseOpenInput', () => {
  it('opens one file as an image', () => {
    const choice = chooseOpenInput([input('vmcore')]);
    expect(choice).toMatchObject({ input: { kind: 'files', label: 'vmcore' }, notice: null });
  });

  it('takes files from a folder as a debugfs set, named by their paths', () => {
    const choice = chooseOpenInput([
      input('kho/out/fdt'),
      input('kho/out/sub_fdts/LUO'),
      input('kho/out/scratch_phys'),
    ]);
    expect(choice?.input.label).toBe('kho/out/');
    expect(choice?.input.files.map((entry) => entry.path)).toEqual([
      'kho/out/fdt',
      'kho/out/sub_fdts/LUO',
      'kho/out/scratch_phys',
    ]);
  });

  it('puts loose files other than fdt and the scratch lists under sub_fdts/', () => {
    const choice = chooseOpenInput([
      input('fdt'),
      input('memblock'),
      input('LUO'),
      input('scratch_len'),
      input('scratch_phys'),
    ]);
    expect(choice?.input.label).toBe('debugfs blob set');
    expect(choice?.input.files.map((entry) => entry.path)).toEqual([
      'fdt',
      'sub_fdts/memblock',
      'sub_fdts/LUO',
      'scratch_len',
      'scratch_phys',
    ]);
  });

  it('opens the first of several files that are not a set, and says so', () => {
    const choice = chooseOpenInput([input('a.elf'), input('b.elf')]);
    expect(choice?.input.files.map((entry) => entry.path)).toEqual(['a.elf']);
    expect(choice?.notice).toBe(
      '2 files were given and they are not a KHO debugfs set (none is named fdt); opened the first one, a.elf.',
    );
    expect(chooseOpenInput([])).toBeNull();
  });
});
