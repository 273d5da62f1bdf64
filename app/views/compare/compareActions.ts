import { type CompareInput, compareRoots, type KhoGraph, type KhoRoot } from '../../../core/kho';
import { formatHex } from '../../format/formatHex';
import { chooseOpenInput } from '../../input/chooseOpenInput';
import type { ExplorePlan } from '../../model/ExplorePlan';
import { useDocumentStore } from '../../state/documentStore';
import { useEditStore } from '../../state/editStore';
import { currentInput } from '../../state/openActions';
import { useUiStore } from '../../state/uiStore';
import type { InputFile, OpenInput } from '../../worker/protocol';
import { reviveGraph } from '../../worker/reviveGraph';
import { compareMarks, type ShownSide } from './compareMarks';
import { IDLE, useCompareStore } from './compareStore';
import { openForComparison, type ComparisonOpen } from './openForComparison';

/** The other side being read, so a newer request (or a new image) can stop it. */
let running: ComparisonOpen | null = null;
/** The other image when it has several roots: opened again with the one the user picks. */
let pendingOther: { input: OpenInput; plan: ExplorePlan; label: string } | null = null;

/**
 * Compares two roots and shows the result in the Compare tab: the list, and
 * marks on the graph and outline for the side whose graph the explorer
 * shows (b when `b.graph` is the shown graph, as for the edited tree
 * against the original; else a). The one entry point for other code (a
 * "compare incoming with outgoing" action, the edited state). While the
 * same image stays open, an edit that replaces the shown graph compares
 * again against the same other side; opening another image forgets it.
 */
export function startComparison(a: CompareInput, b: CompareInput): void {
  stopRunning();
  const shown = useDocumentStore.getState().graph === b.graph && a.graph !== b.graph ? 'b' : 'a';
  show(a, b, shown);
  useUiStore.getState().setActiveTab('compare');
}

function show(a: CompareInput, b: CompareInput, shown: ShownSide): void {
  try {
    const comparison = compareRoots(a, b);
    useCompareStore.setState({
      ...IDLE,
      status: 'ready',
      comparison,
      marks: compareMarks(comparison, shown),
      shown,
      other: shown === 'a' ? b : a,
    });
  } catch (error) {
    showProblem(error instanceof Error ? error.message : String(error));
  }
}

/** The shown graph was replaced by another of the same image (an edit, undo, redo): compare it again. */
function compareAgain(graph: KhoGraph): void {
  const { comparison, other, shown } = useCompareStore.getState();
  if (!comparison || !other) return;
  const side = shown === 'a' ? comparison.a : comparison.b;
  const root = graph.roots.find((r) =>
    side.rootAddress === null ? r.fragment === side.rootFragment : r.address === side.rootAddress,
  );
  if (!root || root.fragment === null) {
    showProblem(`The compared root (${side.label}) is no longer in the shown tree.`);
    return;
  }
  const input: CompareInput = { graph, root, label: side.label };
  if (shown === 'a') show(input, other, 'a');
  else show(other, input, 'b');
}

/**
 * Compares root `rootA` of the shown graph with the root at `address` of
 * the same image: directly when that root is decoded in the graph, else by
 * decoding it from the same input in a worker of its own.
 */
export function compareWithRoot(rootA: KhoRoot, address: number): void {
  const { graph, label, plan } = useDocumentStore.getState();
  if (!graph) return;
  const decoded = graph.roots.find((root) => root.address === address && root.fragment !== null);
  const name = label ?? graph.source.name;
  if (decoded) {
    startComparison(shownSide(graph, rootA), { graph, root: decoded, label: `${name}, root ${formatHex(address)}` });
    return;
  }
  const input = currentInput();
  if (!input) return;
  readOther(input, { ...plan, listAllFdts: undefined, roots: [address] }, name);
}

/**
 * Compares the image as opened (before any edit) with the edited tree the
 * explorer shows: a is the opened graph's root at the same place, b the
 * shown root, so the marks land on the edited tree and follow every edit.
 */
export function compareWithOpened(root: KhoRoot): void {
  const { graph, label } = useDocumentStore.getState();
  const base = useEditStore.getState().base;
  if (!graph || !base || base === graph) return;
  const name = label ?? graph.source.name;
  const before = base.roots.find((r) =>
    root.address === null ? r.fragment === root.fragment : r.address === root.address,
  );
  if (!before || before.fragment === null) {
    showProblem(`The image as opened has no decoded root at the place of ${shownSide(graph, root).label}.`);
    useUiStore.getState().setActiveTab('compare');
    return;
  }
  startComparison({ graph: base, root: before, label: `${name} as opened` }, { graph, root, label: `${name}, edited` });
}

/** Compares the shown root with an image the user picked or dropped (one file, or a debugfs set). */
export function compareWithFiles(files: readonly InputFile[]): void {
  const choice = chooseOpenInput(files);
  if (!choice) return;
  readOther(choice.input, {}, choice.input.label);
}

/** The other image has several roots: compares with the one chosen. */
export function chooseOtherRoot(address: number): void {
  if (!pendingOther) return;
  const { input, plan, label } = pendingOther;
  readOther(input, { ...plan, roots: [address] }, label);
}

/** Forgets the comparison (and stops reading its other side). */
export function clearComparison(): void {
  stopRunning();
  pendingOther = null;
  useCompareStore.setState({ ...IDLE });
}

/** The root the comparison starts from: the one chosen in the panel, else the shown graph's first decoded root. */
export function defaultRootA(graph: KhoGraph): KhoRoot | null {
  return graph.roots.find((root) => root.fragment !== null) ?? null;
}

function shownSide(graph: KhoGraph, root: KhoRoot): CompareInput {
  const { label } = useDocumentStore.getState();
  const where = root.address === null ? '' : `, root ${formatHex(root.address)}`;
  return { graph, root, label: `${label ?? graph.source.name}${where}` };
}

async function readOther(input: OpenInput, plan: ExplorePlan, label: string): Promise<void> {
  stopRunning();
  const shown = useDocumentStore.getState().graph;
  const rootA = useCompareStore.getState().rootA;
  useCompareStore.setState({ ...IDLE, status: 'opening', otherLabel: label });
  useUiStore.getState().setActiveTab('compare');
  const open = openForComparison(input, plan);
  running = open;
  const answer = await open.answer;
  if (running !== open) return;
  running = null;
  // The explorer opened another image meanwhile: this comparison is about a graph no longer shown.
  if (useDocumentStore.getState().graph !== shown || !shown) return;
  switch (answer.kind) {
    case 'cancelled':
      useCompareStore.setState({ ...IDLE });
      return;
    case 'problem':
      showProblem(`${label}: ${answer.problem.headline} ${answer.problem.reason}`);
      return;
    case 'no-root':
      showProblem(`${label} holds no KHO root that could be found, so there is no tree to compare.`);
      return;
    case 'choose-root':
      pendingOther = { input, plan, label };
      useCompareStore.setState({
        ...IDLE,
        status: 'choose-root',
        otherLabel: label,
        candidates: answer.scan.candidates,
      });
      return;
    case 'graph': {
      const other = reviveGraph(answer.graph);
      const rootB = plan.roots
        ? other.roots.find((root) => root.address === plan.roots?.[0])
        : other.roots.find((root) => root.fragment !== null);
      const a = rootA ?? defaultRootA(shown);
      if (!a) return showProblem('The open image has no decoded root to compare.');
      if (!rootB || rootB.fragment === null)
        return showProblem(`${label}: its KHO root could not be decoded, so there is no tree to compare.`);
      const where = rootB.address === null ? '' : `, root ${formatHex(rootB.address)}`;
      startComparison(shownSide(shown, a), { graph: other, root: rootB, label: `${label}${where}` });
    }
  }
}

function showProblem(message: string): void {
  useCompareStore.setState({ ...IDLE, status: 'error', message });
}

function stopRunning(): void {
  running?.cancel();
  running = null;
}

// A newly opened (or closed) image starts with nothing compared; an edit of the shown one compares again.
useDocumentStore.subscribe((state, previous) => {
  if (state.graph === previous.graph) return;
  if (state.graph && state.image === previous.image && state.status === 'ready' && previous.status === 'ready') {
    compareAgain(state.graph);
    return;
  }
  clearComparison();
  useCompareStore.getState().setRootA(null);
});
