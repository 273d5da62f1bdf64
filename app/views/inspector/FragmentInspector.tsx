import type { KhoGraph } from '../../../core/kho';
import { CopyButton } from '../../components/CopyButton';
import { Facts } from '../../components/Facts';
import { HexBytes } from '../../components/HexBytes';
import { Section } from '../../components/Section';
import { graphIndexOf } from '../../explore/GraphIndex';
import { rootLabel } from '../../explore/rootLabel';
import { formatSize } from '../../format/formatSize';
import { ChildNodeList } from './ChildNodeList';
import { DiagnosticsHere } from './DiagnosticsHere';
import { InspectorHeading } from './InspectorHeading';
import { LinkLists } from './LinkLists';
import { LocationFacts } from './LocationFacts';
import { PropertyTable } from './PropertyTable';
import { CompatPanel } from '../compat/CompatPanel';
import { RootFacts } from './RootFacts';
import { ScratchAreas } from './ScratchAreas';
import { SideStructures } from './SideStructures';
import { UserContentView } from './UserContentView';
import { FragmentDtsButton } from '../exports/ExportButtons';
import { NodeEditSection } from '../edit/NodeEditSection';

/**
 * A fragment: where it is, its size and format, what makes it a root (map,
 * anchor chain), the known user's data, its root node's properties or raw
 * fields, the links in and out, side structures, diagnostics and bytes.
 */
export function FragmentInspector({ graph, fragmentId }: { graph: KhoGraph; fragmentId: string }) {
  const index = graphIndexOf(graph);
  const fragment = index.fragment(fragmentId);
  if (!fragment) return <p className="empty-hint">Fragment {fragmentId} is not in the open graph.</p>;
  const root = index.rootAt(fragment.id);
  const label = root && rootLabel(graph, root);
  const content = fragment.content;
  const children = content?.kind === 'fdt' ? content.root.children : [];
  return (
    <article aria-label={`Fragment ${fragment.id}`}>
      <InspectorHeading
        kind={label ? (label.kho ? 'root fragment' : 'device tree') : 'fragment'}
        name={label && !label.kho ? label.name : fragment.id}
        detail={<span className="mono">{fragment.compatible ?? fragment.format}</span>}
      />
      <Facts
        testId="fragment-facts"
        facts={[
          ['where', <LocationFacts location={fragment.location} />],
          ['size', `${formatSize(fragment.size)} (${fragment.size} bytes)`],
          ['format', fragment.format === 'fdt' ? 'flattened device tree' : `raw struct (${fragment.format})`],
          [
            'depth',
            fragment.depth === 0
              ? 'a root'
              : `${fragment.depth} link${fragment.depth === 1 ? '' : 's'} from root ${fragment.root}`,
          ],
          [
            'FDT',
            content?.kind === 'fdt'
              ? `v${content.version}, totalsize ${content.totalSize}, ${content.memoryReservations.length} memory reservation(s)`
              : undefined,
          ],
          ['id', <CopyButton text={fragment.id} what="fragment id" />],
        ]}
      />
      {root && label && (
        <RootFacts root={root} title={label.kho ? 'KHO root' : 'Device tree'} pageSize={graph.source.pageSize} />
      )}
      {root && <CompatPanel graph={graph} />}
      {root && <ScratchAreas graph={graph} />}
      {fragment.user && <UserContentView user={fragment.user} pageSize={graph.source.pageSize} />}
      {content?.kind === 'fdt' && (
        <Section title="Properties of /">
          <PropertyTable fragment={fragment.id} node="/" properties={content.root.properties} />
        </Section>
      )}
      <NodeEditSection key={fragment.id} graph={graph} fragment={fragment} node="/" />
      {children.length > 0 && (
        <Section title="Nodes">
          <ChildNodeList fragment={fragment.id} nodes={children} />
        </Section>
      )}
      {content?.kind === 'raw' && (
        <Section title={`Fields of ${content.format}`}>
          <PropertyTable fragment={fragment.id} node="" fields={content.fields} />
        </Section>
      )}
      {content === null && <p className="dim">The bytes could not be decoded; the diagnostics say why.</p>}
      <LinkLists into={index.linksTo(fragment.id)} outOf={index.linksFrom(fragment.id)} />
      <SideStructures graph={graph} fragment={fragment.id} />
      <DiagnosticsHere graph={graph} place={{ kind: 'fragment', fragment: fragment.id }} />
      <Section title="Bytes">
        <HexBytes bytes={fragment.bytes} />
      </Section>
      <FragmentDtsButton graph={graph} fragment={fragment} />
    </article>
  );
}
