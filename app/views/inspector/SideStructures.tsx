import type { KhoGraph } from '../../../core/kho';
import { Facts } from '../../components/Facts';
import { Hex } from '../../components/Hex';
import { Section } from '../../components/Section';
import { graphIndexOf } from '../../explore/GraphIndex';
import { SelectLink } from './SelectLink';

/**
 * The vmalloc areas and block sets a place owns (or the whole fragment
 * owns, without `place`): their pages, each one selectable as memory.
 */
export function SideStructures({
  graph,
  fragment,
  place,
}: {
  graph: KhoGraph;
  fragment: string;
  place?: { node: string; property: string };
}) {
  const { vmalloc, blocks } = graphIndexOf(graph).sideStructures(fragment, place);
  const pageSize = graph.source.pageSize;
  const page = (address: number, i: number) => (
    <SelectLink key={i} selection={{ kind: 'memory', address, length: pageSize }}>
      <Hex value={address} />
    </SelectLink>
  );
  return (
    <>
      {vmalloc.map((area) => (
        <Section key={area.id} title="vmalloc area (struct kho_vmalloc)" testId="vmalloc-area">
          <Facts
            facts={[
              ['pages', `${area.totalPages} in pieces of order ${area.order}`],
              ['flags', <Hex value={area.flags} />],
              ['chunk pages', <span className="address-list">{area.chunks.map(page)}</span>],
              ['pieces', <span className="address-list">{area.pieces.map(page)}</span>],
            ]}
          />
        </Section>
      ))}
      {blocks.map((set) => (
        <Section
          key={set.id}
          title={`${set.entry} ${set.layout === 'kho-block' ? 'blocks (kho_block list)' : 'array'}`}
          testId="block-set"
        >
          <p className="dim">
            {set.entrySize}-byte entries after a {set.headerBytes}-byte header
          </p>
          <table className="table table--compact">
            <thead>
              <tr>
                <th>address</th>
                <th>entries</th>
                <th>bytes</th>
              </tr>
            </thead>
            <tbody>
              {set.blocks.map((block, i) => (
                <tr key={i}>
                  <td>{page(block.address, i)}</td>
                  <td>{block.count}</td>
                  <td>{block.bytes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ))}
    </>
  );
}
