import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeKhoGraph } from '../kho/decode/decodeKhoGraph';
import { carveImage } from '../kho/carve/carveImage';
import { graphToJson } from '../kho/render/graphToJson';
import { renderGraphDts } from '../kho/render/renderGraphDts';
import { renderGraphText } from '../kho/render/renderGraphText';
import { wideRootElf } from '../kho/testing/wideRootImage';
import { exportChunks } from '../mem/export/exportChunks';
import { openImage } from '../mem/openImage';
import { BytesSource } from '../mem/sources/BytesSource';
import { editStateFromGraph } from './editStateFromGraph';
import { planEdit } from './reencode/planEdit';

/**
 * What every stage makes of issue 14's wide roots, pinned to the byte: the
 * renderers, the edit state, the no-op plan and the carve were made faster
 * on these graphs (docs/performance.md), and speed may not change a byte of
 * output. The digests were taken from the code before that work; a change
 * that means to alter an output must say so and take them again. (The JSON
 * is also compared with `JSON.stringify` in graphToJson.test.ts.)
 */
const EXPECTED = {
  sub: {
    text: '15b291d5d71c9ae0',
    json: 'ced5c8e4d33d300e',
    dts: 'fc17cd77547c3eb8',
    state: '3311d80d31ad2828',
    plan: 'a4846601d1889fb0',
    carve: '4c462e85cb1ac8d9',
  },
  root: {
    text: '2feaccb72e2f6070',
    json: '94bda0256a6d65df',
    dts: 'eb92b3ed27748063',
    state: 'c09857069fb5839c',
    plan: 'f4c9e3a049f84ea3',
    carve: '316043448bf0f46c',
  },
};

/** SHA-256 of text or bytes, first 16 hex digits (enough to tell outputs apart). */
function digest(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, 16);
}

/** A JSON form of the edit state and plan: bigints, bytes, maps and sets written out so every field counts. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (typeof v === 'bigint') return `bigint ${v}`;
    if (v instanceof Uint8Array) return `bytes ${Buffer.from(v).toString('hex')}`;
    if (v instanceof Map) return { map: [...v.entries()] };
    if (v instanceof Set) return { set: [...v] };
    return v;
  });
}

/** Every stage's output on a root with `children` children pointing at `target`, as digests. */
async function outputs(children: number, target: 'sub' | 'root'): Promise<Record<string, string>> {
  const image = await openImage(new BytesSource(wideRootElf(children, target), 'wide.elf'));
  if (image.kind !== 'memory') throw new Error('an ELF core opens as memory');
  const graph = await decodeKhoGraph(image);
  const state = editStateFromGraph(graph);
  const plan = await planEdit(image.memory, graph, state);
  const carved = await carveImage(image, { graph });
  const file: Uint8Array[] = [];
  for await (const chunk of exportChunks(carved.file)) file.push(chunk);
  return {
    text: digest(renderGraphText(graph)),
    json: digest(graphToJson(graph)),
    dts: digest(renderGraphDts(graph)),
    state: digest(stable(state)),
    plan: digest(stable(plan)),
    carve: digest(
      stable({ kept: carved.kept.toArray(), pages: carved.pages, missed: carved.missedByRecording }),
      ...file,
    ),
  };
}

describe('the outputs of every stage on a wide root', () => {
  it.each(['sub', 'root'] as const)(
    'stay byte for byte the same (children pointing at the %s)',
    async (target) => {
      expect(await outputs(3_000, target)).toEqual(EXPECTED[target]);
    },
    60_000,
  );
});
