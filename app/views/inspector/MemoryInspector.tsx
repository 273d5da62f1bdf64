import { type KhoGraph, locationExtents } from '../../../core/kho';
import { Facts } from '../../components/Facts';
import { HexBytes } from '../../components/HexBytes';
import { Section } from '../../components/Section';
import { useMemoryBytes } from '../../components/useMemoryBytes';
import { formatHex } from '../../format/formatHex';
import { formatSize } from '../../format/formatSize';
import { useDocumentStore } from '../../state/documentStore';
import { AddressValue } from './AddressValue';
import { InspectorHeading } from './InspectorHeading';
import { SelectLink } from './SelectLink';

/** Most bytes the inspector reads for a memory selection (the hex view shows more). */
const SHOWN_BYTES = 256;

/** Physical memory with no decoded owner selected: where, what holds it, whether a map preserves it, the first bytes. */
export function MemoryInspector({ graph, address, length }: { graph: KhoGraph; address: number; length: number }) {
  const readMemory = useDocumentStore((state) => state.readMemory);
  const shown = Math.min(length, SHOWN_BYTES);
  const bytes = useMemoryBytes(readMemory, address, Math.max(shown, 1));
  const holders = graph.fragments.filter((fragment) =>
    locationExtents(fragment.location).some((extent) => extent.start <= address && address < extent.end),
  );
  const preservedBy = graph.roots.filter((root) => root.map?.isPreserved(address));
  return (
    <article aria-label={`Memory at ${formatHex(address)}`}>
      <InspectorHeading kind="physical memory" name={formatHex(address)} detail={formatSize(length)} />
      <Facts
        facts={[
          ['address', <AddressValue address={address} none="" testId="inspector-address" />],
          [
            'held by',
            holders.length === 0 ? (
              <span className="dim">no decoded fragment</span>
            ) : (
              <span className="address-list">
                {holders.map((fragment) => (
                  <SelectLink key={fragment.id} selection={{ kind: 'fragment', fragment: fragment.id }}>
                    {fragment.id}
                  </SelectLink>
                ))}
              </span>
            ),
          ],
          [
            'preserved',
            graph.roots.some((root) => root.map)
              ? preservedBy.length > 0
                ? `yes, by the map of root ${preservedBy.map((root) => root.fragment).join(', ')}`
                : 'no: no root’s map covers it'
              : undefined,
          ],
        ]}
      />
      <Section title={length > shown ? `First ${shown} bytes` : 'Bytes'}>
        {bytes.state === 'loading' && <p className="dim">Reading…</p>}
        {bytes.state === 'failed' && <p className="dim">{bytes.message}</p>}
        {bytes.state === 'ready' && <HexBytes bytes={bytes.bytes} />}
      </Section>
    </article>
  );
}
