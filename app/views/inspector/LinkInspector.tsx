import type { KhoGraph } from '../../../core/kho';
import { graphIndexOf } from '../../explore/GraphIndex';
import { DiagnosticsHere } from './DiagnosticsHere';
import { InspectorHeading } from './InspectorHeading';
import { LinkFacts } from './LinkFacts';

/** A link between two fragments (selected in the graph or from a pointer without a row of its own). */
export function LinkInspector({ graph, linkId }: { graph: KhoGraph; linkId: string }) {
  const link = graphIndexOf(graph).link(linkId);
  if (!link) return <p className="empty-hint">This link is not in the open graph.</p>;
  return (
    <article aria-label={`Link ${link.id}`}>
      <InspectorHeading
        kind="link"
        name={link.from.property || link.from.node}
        detail={`${link.from.fragment} → ${link.to ?? 'not followed'}`}
      />
      <LinkFacts graph={graph} link={link} />
      <DiagnosticsHere graph={graph} place={{ kind: 'link', link: link.id }} />
    </article>
  );
}
