import type { KhoGraph } from '../../../core/kho';
import { Facts } from '../../components/Facts';
import { Section } from '../../components/Section';
import { graphIndexOf } from '../../explore/GraphIndex';
import { pathText } from '../../explore/pathText';
import { DiagnosticsHere } from './DiagnosticsHere';
import { InspectorHeading } from './InspectorHeading';
import { LinkFacts } from './LinkFacts';
import { placeFacts } from './placeFacts';
import { PropertyTable } from './PropertyTable';
import { ChildNodeList } from './ChildNodeList';
import { SideStructures } from './SideStructures';
import { NodeEditSection } from '../edit/NodeEditSection';

/** A node of an FDT fragment: path, where it starts, its properties, children, the link it is (debugfs), diagnostics. */
export function NodeInspector({ graph, fragmentId, path }: { graph: KhoGraph; fragmentId: string; path: string }) {
  const index = graphIndexOf(graph);
  const fragment = index.fragment(fragmentId);
  const node = index.node(fragmentId, path);
  if (!fragment || !node) return <p className="empty-hint">This node is not in the open graph.</p>;
  const text = pathText(fragmentId, path);
  const link = index.linkAt(fragmentId, path, '');
  return (
    <article aria-label={`Node ${text}`}>
      <InspectorHeading kind="node" name={node.name || '/'} />
      <Facts testId="node-facts" facts={placeFacts(fragment, text, node.offset)} />
      <Section title="Properties">
        <PropertyTable fragment={fragmentId} node={path} properties={node.properties} />
      </Section>
      <NodeEditSection key={text} graph={graph} fragment={fragment} node={path} />
      {node.children.length > 0 && (
        <Section title="Children">
          <ChildNodeList fragment={fragmentId} nodes={node.children} />
        </Section>
      )}
      {link && (
        <Section title="Link">
          <LinkFacts graph={graph} link={link} />
        </Section>
      )}
      <SideStructures graph={graph} fragment={fragmentId} place={{ node: path, property: '' }} />
      <DiagnosticsHere graph={graph} place={{ kind: 'node', fragment: fragmentId, node: path }} />
    </article>
  );
}
