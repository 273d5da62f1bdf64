import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Selection } from '../../../model/Selection';
import { GraphView } from '../GraphView';
import { HexView } from '../../hex/HexView';
import { MemoryMapView } from '../../memmap/MemoryMapView';
import { harnessScenario, type HarnessScenario } from './harnessScenarios';
import './harnessApi';
import '../../../styles/theme.css';
import '../../../styles/base.css';
import './harness.css';

/**
 * Dev-only page (not linked from the app, not in the build) that mounts the
 * views on example graphs, for looking at them and for the e2e view specs:
 * `/views/graph/dev/harness.html?view=graph&graph=showcase&theme=dark`
 * (view: graph, hex, memmap or all; graph: seed, showcase, debugfs or synthetic&n=…).
 * `window.harness.select(selection)` changes the selection from outside;
 * `window.harness.selections` lists what the view selected.
 */

const params = new URLSearchParams(location.search);
/** `graph`, `hex`, `memmap`, or `all` (the three side by side). */
const view = params.get('view') ?? 'graph';
document.documentElement.dataset.theme = params.get('theme') === 'dark' ? 'dark' : 'light';
window.harness = { select: () => undefined, selections: [], ready: false, builtIn: 0, renderedAt: 0 };

function Harness({ scenario, renderStart }: { scenario: HarnessScenario; renderStart: number }) {
  const [selection, setSelection] = useState<Selection | null>(null);
  window.harness.select = setSelection;
  // First commit done: the frame after it is the first one painted with the view.
  useEffect(() => {
    requestAnimationFrame(() => {
      window.harness.renderedAt = performance.now() - renderStart;
      window.harness.ready = true;
    });
  }, [renderStart]);
  const onSelect = (next: Selection) => {
    window.harness.selections.push(next);
    setSelection(next);
  };
  return (
    <div className="harness">
      <div className={`harness__views harness__views--${view}`}>
        {(view === 'graph' || view === 'all') && (
          <div className="harness__view harness__view--graph">
            <GraphView graph={scenario.graph} selection={selection} onSelect={onSelect} />
          </div>
        )}
        {(view === 'hex' || view === 'all') && (
          <div className="harness__view harness__view--hex">
            <HexView
              graph={scenario.graph}
              selection={selection}
              onSelect={onSelect}
              readMemory={scenario.readMemory}
            />
          </div>
        )}
        {(view === 'memmap' || view === 'all') && (
          <div className="harness__view harness__view--memmap">
            <MemoryMapView
              graph={scenario.graph}
              ramRanges={scenario.ramRanges}
              selection={selection}
              onSelect={onSelect}
            />
          </div>
        )}
      </div>
      <pre className="harness__status" data-testid="harness-selection">
        {selection ? JSON.stringify(selection) : 'nothing selected'}
      </pre>
    </div>
  );
}

const started = performance.now();
harnessScenario(params).then((scenario) => {
  const built = performance.now();
  window.harness.builtIn = built - started;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Harness scenario={scenario} renderStart={built} />
    </StrictMode>,
  );
});
