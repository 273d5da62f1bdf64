import { useCallback } from 'react';
import type { PhysRange } from '../../../core/mem/PhysicalMemory';
import { GraphView } from '../graph/GraphView';
import { HexView } from '../hex/HexView';
import { MemoryMapView } from '../memmap/MemoryMapView';
import type { Selection } from '../../model/Selection';
import { useDocumentStore } from '../../state/documentStore';
import { select } from '../../state/select';
import { useSelectionStore } from '../../state/selectionStore';
import { useUiStore, type CenterTab } from '../../state/uiStore';
import { DtsPanel } from './DtsPanel';

/** Blob sets and lone DTBs have no RAM ranges (one shared empty list keeps the map's memo stable). */
const NO_RANGES: readonly PhysRange[] = [];

const TABS: { id: CenterTab; label: string; key: string }[] = [
  { id: 'graph', label: 'Graph', key: 'g' },
  { id: 'hex', label: 'Hex', key: 'h' },
  { id: 'memmap', label: 'Memory map', key: 'm' },
  { id: 'dts', label: 'DTS', key: 's' },
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
      <div className="center__body" role="tabpanel" id={`tabpanel-${active}`} aria-labelledby={`tab-${active}`}>
        <ActiveView tab={active} />
      </div>
    </section>
  );
}

function ActiveView({ tab }: { tab: CenterTab }) {
  const graph = useDocumentStore((state) => state.graph);
  const label = useDocumentStore((state) => state.label);
  const readMemory = useDocumentStore((state) => state.readMemory);
  const ramRanges = useDocumentStore((state) => state.image?.ranges ?? NO_RANGES);
  const selection = useSelectionStore((state) => state.selection);
  const onSelect = useCallback((next: Selection) => select(next), []);
  if (!graph) return null;
  switch (tab) {
    case 'dts':
      return <DtsPanel graph={graph} fileName={label ?? 'kho'} />;
    case 'hex':
      return <HexView graph={graph} selection={selection} onSelect={onSelect} readMemory={readMemory} />;
    case 'memmap':
      return <MemoryMapView graph={graph} ramRanges={ramRanges} selection={selection} onSelect={onSelect} />;
    case 'graph':
      return <GraphView graph={graph} selection={selection} onSelect={onSelect} />;
  }
}
