import { useDocumentStore } from '../../state/documentStore';
import { useSelectionStore } from '../../state/selectionStore';
import { AboutThis } from './AboutThis';
import { DiagnosticInspector } from './DiagnosticInspector';
import { FragmentInspector } from './FragmentInspector';
import { LinkInspector } from './LinkInspector';
import { MemoryInspector } from './MemoryInspector';
import { NodeInspector } from './NodeInspector';
import { PropertyInspector } from './PropertyInspector';

/** The right-hand panel: everything about the selection. Listens to the selection and the graph only (not the viewport). */
export function InspectorPanel() {
  const graph = useDocumentStore((state) => state.graph);
  const selection = useSelectionStore((state) => state.selection);
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      <div className="panel-title">Inspector</div>
      <div className="inspector__body">
        <AboutThis />
        {!graph || !selection ? (
          <p className="empty-hint">Select something in the outline, the graph, the hex view or the memory map.</p>
        ) : selection.kind === 'fragment' ? (
          <FragmentInspector graph={graph} fragmentId={selection.fragment} />
        ) : selection.kind === 'node' ? (
          <NodeInspector graph={graph} fragmentId={selection.fragment} path={selection.node} />
        ) : selection.kind === 'property' ? (
          <PropertyInspector graph={graph} selection={selection} />
        ) : selection.kind === 'link' ? (
          <LinkInspector graph={graph} linkId={selection.link} />
        ) : selection.kind === 'memory' ? (
          <MemoryInspector graph={graph} address={selection.address} length={selection.length} />
        ) : (
          <DiagnosticInspector graph={graph} index={selection.index} />
        )}
      </div>
    </aside>
  );
}
