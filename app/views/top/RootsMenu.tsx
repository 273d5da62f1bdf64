import { useShallow } from 'zustand/react/shallow';
import { incomingAndOutgoing } from '../../../core/kho';
import { Hex } from '../../components/Hex';
import { rootLabel } from '../../explore/rootLabel';
import { useDocumentStore } from '../../state/documentStore';
import { explore } from '../../state/openActions';
import { select } from '../../state/select';
import { useUiStore } from '../../state/uiStore';
import { ExploreOptions } from '../open/ExploreOptions';
import { compareIncomingWithOutgoing } from '../roles/compareIncomingWithOutgoing';
import { RoleBadge } from '../roles/RoleBadge';

/**
 * The roots of the open graph in the top bar. Its menu jumps to a decoded
 * root, decodes another candidate the scan found instead, or takes a root
 * address or another page size.
 */
export function RootsMenu() {
  const { graph, scan, plan } = useDocumentStore(
    useShallow((state) => ({ graph: state.graph, scan: state.scan, plan: state.plan })),
  );
  const open = useUiStore((state) => state.rootsOpen);
  const setOpen = useUiStore((state) => state.setRootsOpen);
  if (!graph) return null;
  const decoded = new Set(graph.roots.map((root) => root.address));
  const others = scan?.candidates.filter((candidate) => !decoded.has(candidate.address)) ?? [];
  return (
    <div className="roots-menu">
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen(!open)}
        data-testid="roots-button"
      >
        {graph.roots.length === 1 ? rootLabel(graph, graph.roots[0]).name : `${graph.roots.length} roots`}
        {others.length > 0 && <span className="badge">+{others.length}</span>}
      </button>
      {open && (
        <>
          {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: a click on the backdrop is the pointer's way out; Esc is the keyboard's */}
          <div className="backdrop" onClick={() => setOpen(false)} />
          <div className="popover" role="dialog" aria-label="Roots">
            <h3 className="section__title">Decoded roots</h3>
            <ul className="plain-list">
              {graph.roots.map((root, i) => (
                <li key={i}>
                  <button
                    type="button"
                    className="link-button"
                    disabled={root.fragment === null}
                    onClick={() => {
                      if (root.fragment !== null) select({ kind: 'fragment', fragment: root.fragment });
                      setOpen(false);
                    }}
                  >
                    {root.address !== null ? <Hex value={root.address} /> : rootLabel(graph, root).name}
                  </button>{' '}
                  <span className="mono">{root.compatible ?? 'unreadable'}</span> <RoleBadge role={root.role} />{' '}
                  <span className="dim">({root.rank === null ? root.how : `${root.how}, rank ${root.rank}`})</span>
                </li>
              ))}
            </ul>
            {incomingAndOutgoing(graph) && (
              <button
                type="button"
                className="button button--small"
                data-testid="compare-incoming"
                onClick={() => {
                  setOpen(false);
                  compareIncomingWithOutgoing();
                }}
              >
                Compare incoming with outgoing
              </button>
            )}
            {others.length > 0 && (
              <>
                <h3 className="section__title">Other candidates</h3>
                <ul className="plain-list">
                  {others.map((candidate) => (
                    <li key={candidate.address}>
                      <Hex value={candidate.address} /> <span className="mono">{candidate.compatible}</span>{' '}
                      <span className="dim">rank {candidate.rank}</span>{' '}
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => explore({ ...plan, listAllFdts: undefined, roots: [candidate.address] })}
                      >
                        Decode instead
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <ExploreOptions />
          </div>
        </>
      )}
    </div>
  );
}
