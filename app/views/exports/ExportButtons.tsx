import type { Fragment, KhoGraph } from '../../../core/kho';
import { useDocumentStore } from '../../state/documentStore';
import { downloadDebugfsTar, downloadFragmentDts, downloadGraphJson, runExport } from './exportDownloads';

/** Buttons for the whole-graph exports: the graph as JSON, and the debugfs kho/out layout as a tar. */
export function GraphExportButtons({ graph }: { graph: KhoGraph }) {
  const label = useDocumentStore((state) => state.label) ?? graph.source.name;
  return (
    <>
      <button
        type="button"
        className="button"
        title="Download the whole decoded graph as JSON (docs/graph-json-schema.md)"
        onClick={() => runExport('graph JSON', () => downloadGraphJson(graph, label))}
      >
        Graph JSON
      </button>
      <button
        type="button"
        className="button"
        title="Download every blob as a tar, laid out as Linux debugfs kho/out shows them (as khoscope extract writes them)"
        onClick={() => runExport('kho/out archive', () => downloadDebugfsTar(graph, label))}
      >
        kho/out .tar
      </button>
    </>
  );
}

/** A button that saves one fragment as DTS. */
export function FragmentDtsButton({ graph, fragment }: { graph: KhoGraph; fragment: Fragment }) {
  const label = useDocumentStore((state) => state.label) ?? graph.source.name;
  return (
    <button
      type="button"
      className="button button--small"
      onClick={() => runExport('DTS', () => downloadFragmentDts(graph, fragment, label))}
    >
      Download this fragment as .dts
    </button>
  );
}
