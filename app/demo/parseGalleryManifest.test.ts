import { describe, expect, it } from 'vitest';
import { parseGalleryManifest } from './parseGalleryManifest';

describe('parseGalleryManifest', () => {
  it('reads entries into gallery demos served from public/demos/', () => {
    expect(parseGalleryManifest([{ id: 'seed', title: 'Seed', description: 'The seed.', file: 'seed.elf' }])).toEqual([
      { id: 'seed', title: 'Seed', description: 'The seed.', source: { kind: 'file', file: 'seed.elf' } },
    ]);
  });

  it('skips incomplete entries and file names that leave the demos folder', () => {
    const entry = { id: 'x', title: 'X', description: 'd' };
    expect(
      parseGalleryManifest([
        { ...entry, file: '' },
        { ...entry },
        { ...entry, file: '../secret' },
        { ...entry, file: '/etc/passwd' },
        { ...entry, file: 'https://example.com/a.elf' },
        null,
        { ...entry, file: 'sub/ok.elf' },
      ]).map((demo) => demo.source),
    ).toEqual([{ kind: 'file', file: 'sub/ok.elf' }]);
    expect(parseGalleryManifest({ demos: [] })).toEqual([]);
  });
});
