import { useChangedFragments } from '../../edit/useChangedFragments';
import { useCallback, type ReactNode } from 'react';
import type { PhysRange } from '../../../core/mem';
import { GraphView } from '../graph/GraphView';
import { PRESENTING_ZOOM, READABLE_ZOOM } from '../graph/model/readableFit';
import { HexView } from '../hex/HexView';
import { MemoryMapView } from '../memmap/MemoryMapView';
import type { Selection } from '../../model/Selection';
import { useDocumentStore } from '../../state/documentStore';
import { select } from '../../state/select';
import { useSelectionStore } from '../../state/selectionStore';
import { useUiStore, type CenterTab } from '../../state/uiStore';
import { ComparePanel } from '../compare/ComparePanel';
import { DtsPanel } from './DtsPanel';
import { useGraphCommands } from './useGraphCommands';
import './centerPanel.css';

/** Blob sets and lone DTBs have no RAM ranges (one shared empty list keeps the map's memo stable). */
const NO_RANGES: readonly PhysRange[] = [];
/** No fragment changed (one shared empty list keeps the graph's marks stable). */

const TABS: { id: CenterTab; label: string; key: string }[] = [
  { id: 'graph', label: 'Graph', key: 'g' },
  { id: 'hex', label: 'Hex', key: 'h' },
  { id: 'memmap', label: 'Memory map', key: 'm' },
  { id: 'dts', label: 'DTS', key: 's' },
  { id: 'compare', label: 'Compare', key: 'c' },
];

/** The centre: tabs over the graph, the hex view, the memory map and the DTS source; every view shares the one selection. */
export function CenterPanel() {
  const active = useUiStore((state) => state.activeTab);
  const setActiveTab = useUiStore((state) => state.setActiveTab);
  return (
    <section className="center" aria-label="Views">
      <div className="tabs" role="tablist" aria-label="Views">
        {TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={active === tab.id}
            aria-controls={`tabpanel-${tab.id}`}
            className="tabs__tab"
            title={`${tab.label} (${tab.key})`}
            onClick={() => setActiveTab(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div className="center__body">
        <CenterViews active={active} />
      </div>
    </section>
  );
}

/**
 * The views, each in its tab panel. The graph stays mounted (hidden) while
 * another tab is shown, so its zoom, pan and collapsed cards survive a tab
 * switch; it waits for a size before placing itself. The other views are
 * mounted only while shown: hidden, they would keep reading memory and
 * drawing for nobody.
 */
function CenterViews({ active }: { active: CenterTab }) {
  const graph = useDocumentStore((state) => state.graph);
  const label = useDocumentStore((state) => state.label);
  const readMemory = useDocumentStore((state) => state.readMemory);
  const ramRanges = useDocumentStore((state) => state.image?.ranges ?? NO_RANGES);
  const selection = useSelectionStore((state) => state.selection);
  const onSelect = useCallback((next: Selection) => select(next), []);
  const onControls = useGraphCommands();
  // Each open places the graph view afresh; an edit of the same image keeps the user's view.
  const opened = useDocumentStore((state) => state.request);
  const changed = useChangedFragments();
  const presenting = useUiStore((state) => state.presenting);
  if (!graph) return null;
  // What every view that selects gets: the graph, the one selection, and the way to change it.
  const shared = { graph, selection, onSelect };
  const other = (() => {
    switch (active) {
      case 'compare':
        return <ComparePanel graph={graph} />;
      case 'dts':
        return <DtsPanel graph={graph} fileName={label ?? 'kho'} selection={selection} />;
      case 'hex':
        return <HexView {...shared} readMemory={readMemory} />;
      case 'memmap':
        return <MemoryMapView {...shared} ramRanges={ramRanges} />;
      case 'graph':
        return null;
    }
  })();
  return (
    <>
      <TabPanel tab="graph" hidden={active !== 'graph'}>
        <GraphView
          {...shared}
          onControls={onControls}
          changed={changed}
          viewKey={opened}
          readableZoom={presenting ? PRESENTING_ZOOM : READABLE_ZOOM}
        />
      </TabPanel>
      {other && (
        <TabPanel tab={active} hidden={false}>
          {other}
        </TabPanel>
      )}
    </>
  );
}

function TabPanel({ tab, hidden, children }: { tab: CenterTab; hidden: boolean; children: ReactNode }) {
  return (
    <div
      className="center__panel"
      role="tabpanel"
      id={`tabpanel-${tab}`}
      aria-labelledby={`tab-${tab}`}
      hidden={hidden}
    >
      {children}
    </div>
  );
}
