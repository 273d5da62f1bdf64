import { useShallow } from 'zustand/react/shallow';
import type { KhoGraph, KhoRoot } from '../../../core/kho';
import { formatHex } from '../../format/formatHex';
import { rootLabel } from '../../explore/rootLabel';
import { showFilePicker } from '../../input/showFilePicker';
import { useDocumentStore } from '../../state/documentStore';
import { useEditStore } from '../../state/editStore';
import { RootChoiceTable } from '../open/RootChoiceTable';
import { ChangeList } from './ChangeList';
import {
  chooseOtherRoot,
  clearComparison,
  compareWithFiles,
  compareWithOpened,
  compareWithRoot,
  defaultRootA,
} from './compareActions';
import { useCompareStore } from './compareStore';
import './compare.css';

/**
 * The Compare tab: pick what to compare the shown root with (another root
 * of this image, or another image picked here or dropped on the page while
 * this tab is shown), then read the differences as a list; the graph and
 * the outline mark the same places.
 */
export function ComparePanel({ graph }: { graph: KhoGraph }) {
  const { status, otherLabel, candidates, comparison, message, rootA } = useCompareStore(
    useShallow((state) => ({
      status: state.status,
      otherLabel: state.otherLabel,
      candidates: state.candidates,
      comparison: state.comparison,
      message: state.message,
      rootA: state.rootA,
    })),
  );
  const root = rootA ?? defaultRootA(graph);
  return (
    <section className="compare-panel" data-testid="compare-panel" aria-label="Compare">
      {root ? (
        <CompareSources graph={graph} root={root} />
      ) : (
        <p className="compare-panel__note">This image has no decoded root, so there is nothing to compare.</p>
      )}
      {status === 'idle' && (
        <p className="compare-panel__note dim">
          Compare this root with another root of the same image (a kernel that booted through KHO holds its incoming and
          its outgoing root), or with another image: pick it here, or drop it on the page while this tab is shown. Blobs
          are matched by their place in the tree, not by address, since addresses move across kexec.
        </p>
      )}
      {status === 'opening' && (
        <p className="compare-panel__note" role="status">
          Reading {otherLabel}…{' '}
          <button type="button" className="button button--small" onClick={clearComparison}>
            Cancel
          </button>
        </p>
      )}
      {status === 'choose-root' && (
        <div className="compare-panel__choose">
          <p className="compare-panel__note">{otherLabel} has several KHO roots. Which one should be compared?</p>
          <RootChoiceTable candidates={candidates} onDecode={chooseOtherRoot} />
        </div>
      )}
      {status === 'error' && (
        <p className="compare-panel__note compare-panel__problem" role="alert" data-testid="compare-problem">
          {message}
        </p>
      )}
      {comparison && <ChangeList comparison={comparison} />}
    </section>
  );
}

/** The shown root (a choice when the graph has several) and the two ways to pick the other side. */
function CompareSources({ graph, root }: { graph: KhoGraph; root: KhoRoot }) {
  const scan = useDocumentStore((state) => state.scan);
  const setRootA = useCompareStore((state) => state.setRootA);
  // Edited means steps applied: a typed command line also makes a new graph object, but changes no byte.
  const edited = useEditStore((state) => state.base !== null && (state.snapshot?.position ?? 0) > 0);
  const decoded = graph.roots.filter((r) => r.fragment !== null);
  const otherAddresses = [
    ...decoded.map((r) => r.address),
    ...(scan?.candidates.map((candidate) => candidate.address) ?? []),
  ].filter(
    (address, i, all): address is number => address !== null && address !== root.address && all.indexOf(address) === i,
  );
  return (
    <div className="toolbar compare-panel__sources">
      <span>Compare</span>
      {decoded.length > 1 ? (
        <select
          aria-label="Root to compare from"
          value={decoded.indexOf(root)}
          onChange={(event) => setRootA(decoded[Number(event.target.value)] ?? null)}
        >
          {decoded.map((r, i) => (
            <option key={r.fragment} value={i}>
              {rootName(graph, r)}
            </option>
          ))}
        </select>
      ) : (
        <strong className="mono">{rootName(graph, root)}</strong>
      )}
      <span>with</span>
      {otherAddresses.length > 0 && (
        <span className="compare-panel__roots">
          {otherAddresses.map((address) => (
            <button
              key={address}
              type="button"
              className="button button--small"
              onClick={() => compareWithRoot(root, address)}
            >
              root {formatHex(address)}
              {roleOf(graph, address) && <span className="dim"> ({roleOf(graph, address)})</span>}
            </button>
          ))}
          <span className="dim">or</span>
        </span>
      )}
      {edited && (
        <button type="button" className="button" onClick={() => compareWithOpened(root)}>
          The image as opened
        </button>
      )}
      <button type="button" className="button" onClick={() => showFilePicker(false, compareWithFiles)}>
        Another image…
      </button>
    </div>
  );
}

/** The role of the decoded root at `address` (incoming, outgoing, stale, consumed), when known. */
function roleOf(graph: KhoGraph, address: number): string | null {
  const role = graph.roots.find((root) => root.address === address)?.role?.role;
  return role && role !== 'unknown' ? role : null;
}

function rootName(graph: KhoGraph, root: KhoRoot): string {
  const where = rootLabel(graph, root).name;
  const role = root.role && root.role.role !== 'unknown' ? `, ${root.role.role}` : '';
  return root.compatible ? `${where} (${root.compatible}${role})` : where;
}
