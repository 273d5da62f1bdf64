import type { KhoGraph } from '../../../core/kho';
import { Facts } from '../../components/Facts';
import { HexBytes } from '../../components/HexBytes';
import { Section } from '../../components/Section';
import { graphIndexOf } from '../../explore/GraphIndex';
import { pathText } from '../../explore/pathText';
import { formatSize } from '../../format/formatSize';
import type { Selection } from '../../model/Selection';
import { DiagnosticsHere } from './DiagnosticsHere';
import { InspectorHeading } from './InspectorHeading';
import { LinkFacts } from './LinkFacts';
import { placeFacts } from './placeFacts';
import { SideStructures } from './SideStructures';
import { ValueReading } from './ValueReading';
import { PropertyEditSection } from '../edit/PropertyEditSection';

/**
 * A property of an FDT node or a field of a raw struct: where its value is
 * (physical address, offset in the fragment), its size, its typed value
 * with the other readings, its bytes, the link it holds, the side
 * structures it owns, and the diagnostics about it.
 */
export function PropertyInspector({
  graph,
  selection,
}: {
  graph: KhoGraph;
  selection: Extract<Selection, { kind: 'property' }>;
}) {
  const index = graphIndexOf(graph);
  const fragment = index.fragment(selection.fragment);
  const item = index.valueItem(selection.fragment, selection.node, selection.property);
  if (!fragment || !item) return <p className="empty-hint">This property is not in the open graph.</p>;
  const { raw, offset, value, readings } =
    item.kind === 'property'
      ? {
          raw: item.property.raw,
          offset: item.property.valueOffset,
          value: item.property.value,
          readings: item.property.readings,
        }
      : {
          raw: fragment.bytes.subarray(item.field.offset, item.field.offset + item.field.size),
          offset: item.field.offset,
          value: item.field.value,
          readings: item.field.readings,
        };
  const path = pathText(selection.fragment, selection.node, selection.property);
  const link = index.linkAt(selection.fragment, selection.node, selection.property);
  return (
    <article aria-label={`Property ${path}`}>
      <InspectorHeading kind={item.kind === 'property' ? 'property' : 'raw struct field'} name={selection.property} />
      <Facts
        testId="property-facts"
        facts={[...placeFacts(fragment, path, offset), ['size', formatSize(raw.length)]]}
      />
      <Section title="Value">
        <ValueReading value={value} raw={raw} readings={readings} />
      </Section>
      <PropertyEditSection
        key={path}
        fragment={fragment}
        node={selection.node}
        name={selection.property}
        raw={raw}
        value={value}
      />
      {link && (
        <Section title="Link">
          <LinkFacts graph={graph} link={link} />
        </Section>
      )}
      <SideStructures
        graph={graph}
        fragment={selection.fragment}
        place={{ node: selection.node, property: selection.property }}
      />
      <DiagnosticsHere graph={graph} place={selection} />
      <Section title="Bytes">
        <HexBytes bytes={raw} />
      </Section>
    </article>
  );
}
