import { describe, expect, it } from 'vitest';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import type { KhoGraph } from '../model/KhoGraph';
import { graphDifference } from './graphDifference';
import { carveScenarios } from './testing/carveScenarios';

/** The graph of the carve tests' two-root image. */
async function exampleGraph(): Promise<KhoGraph> {
  const scenario = carveScenarios().find((candidate) => candidate.name === 'two roots');
  if (!scenario) throw new Error('carve scenario "two roots" is gone');
  return decodeKhoGraph(scenario.memory, { pageSize: scenario.pageSize });
}

describe('graphDifference', () => {
  it('finds no difference between a graph and itself under another file name', async () => {
    const graph = await exampleGraph();
    expect(graphDifference(graph, { ...graph, source: { ...graph.source, name: 'other' } })).toBeNull();
  });

  it('names the line of the JSON where a value differs', async () => {
    const graph = await exampleGraph();
    const changed = { ...graph, fragments: graph.fragments.map((f, i) => (i === 1 ? { ...f, depth: 7 } : f)) };
    expect(graphDifference(graph, changed)).toMatch(
      /^line \d+ of the graph JSON: expected "depth": 1,, got "depth": 7,$/,
    );
  });

  it('compares byte arrays byte for byte and says where they differ', async () => {
    const graph = await exampleGraph();
    const bytes = graph.fragments[1].bytes.slice();
    bytes[10] ^= 0xff;
    const changed = { ...graph, fragments: graph.fragments.map((f, i) => (i === 1 ? { ...f, bytes } : f)) };
    expect(graphDifference(graph, changed)).toMatch(/^byte array #\d+ of the graph JSON differs at byte 10$/);
  });
});
