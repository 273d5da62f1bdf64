import type { Command } from '../../commands/Command';
import { needsOpenTree } from '../../commands/appCommands';
import { graphIndexOf } from '../../explore/GraphIndex';
import { selectionFragment } from '../../model/selectionFragment';
import { useDocumentStore } from '../../state/documentStore';
import { useSelectionStore } from '../../state/selectionStore';
import { downloadDebugfsTar, downloadFragmentDts, downloadGraphJson, runExport } from './exportDownloads';

/** The shown graph and the name its downloads are named after (only called once `needsOpenTree` passed). */
function shown() {
  const { graph, label } = useDocumentStore.getState();
  if (!graph) throw new Error('no tree is shown');
  return { graph, label: label ?? graph.source.name };
}

/** The fragment the selection is in (a fragment, or a node or property of one), if any. */
function selectedFragmentId(): string | null {
  return selectionFragment(useSelectionStore.getState().selection);
}

/** The extra exports as commands (palette ids `export.*`, listed in docs/app.md). */
export const EXPORT_COMMANDS: readonly Command[] = [
  {
    id: 'export.graph-json',
    title: 'Download the whole graph as JSON',
    group: 'Export',
    keywords: 'save json schema',
    unavailable: needsOpenTree,
    run: () => runExport('graph JSON', () => downloadGraphJson(shown().graph, shown().label)),
  },
  {
    id: 'export.kho-out-tar',
    title: 'Download the blobs as a kho/out tar (debugfs layout)',
    group: 'Export',
    keywords: 'save extract debugfs archive sub_fdts',
    unavailable: needsOpenTree,
    run: () => runExport('kho/out archive', () => downloadDebugfsTar(shown().graph, shown().label)),
  },
  {
    id: 'export.fragment-dts',
    title: 'Download the selected fragment as DTS',
    group: 'Export',
    keywords: 'save dts dtc source blob',
    unavailable: () => needsOpenTree() ?? (selectedFragmentId() === null ? 'Select a fragment first' : null),
    run: () => {
      const { graph, label } = shown();
      const fragment = graphIndexOf(graph).fragment(selectedFragmentId() ?? '');
      if (fragment) runExport('DTS', () => downloadFragmentDts(graph, fragment, label));
    },
  },
];
