import type { PhysRange } from '../../../../core/mem';
import type { KhoGraph } from '../../../../core/kho';
import type { ReadMemory } from '../../../model/Selection';
import { debugfsExampleGraph, seedExampleGraph, showcaseGraph } from '../testing/exampleGraphs';
import { syntheticGraph } from '../testing/syntheticGraph';

/** What the harness shows a view: a graph, the RAM ranges and a memory reader (none for synthetic graphs). */
export interface HarnessScenario {
  graph: KhoGraph;
  ramRanges: readonly PhysRange[];
  readMemory: ReadMemory | null;
}

/**
 * Builds the scenario named in the URL: `seed`, `showcase` (default),
 * `debugfs` (`scratch=0` for none) or `synthetic` (with `n` fragments).
 */
export async function harnessScenario(params: URLSearchParams): Promise<HarnessScenario> {
  const name = params.get('graph') ?? 'showcase';
  if (name === 'synthetic') {
    const graph = syntheticGraph({
      fragments: Number(params.get('n') ?? 10_000),
      seed: Number(params.get('seed') ?? 1),
    });
    return { graph, ramRanges: [], readMemory: null };
  }
  const example =
    name === 'seed'
      ? await seedExampleGraph()
      : name === 'debugfs'
        ? await debugfsExampleGraph(params.get('scratch') !== '0')
        : await showcaseGraph();
  const memory = example.memory;
  return {
    graph: example.graph,
    ramRanges: example.ramRanges,
    readMemory: memory ? (address, length) => memory.read(address, length) : null,
  };
}
