import type { KhoGraph, Link } from '../../../core/kho';
import { Facts } from '../../components/Facts';
import { Hex } from '../../components/Hex';
import { graphIndexOf } from '../../explore/GraphIndex';
import { pathText } from '../../explore/pathText';
import { formatSize } from '../../format/formatSize';
import { followLink } from '../../state/select';
import { SelectLink } from './SelectLink';

/** Link schemes in words (a scheme not listed shows as its code). */
const SCHEMES: Readonly<Record<string, string>> = {
  'draft-recursive-fdt': 'kho,recursive-fdt page list (seed draft)',
  'kho-v1-fdt': 'kho-v1 fdt pointer',
  'preserved-data': 'preserved-data pointer (kho-v2+)',
  'debugfs-name': 'debugfs child by name',
  'luo-file-data': 'LUO file data',
  'luo-flb-data': 'LUO FLB data',
};

/** Everything about one link: from, to (followable), scheme, the addresses or page list, size, byte order and why. */
export function LinkFacts({ graph, link }: { graph: KhoGraph; link: Link }) {
  const index = graphIndexOf(graph);
  const { fragment, node, property } = link.from;
  const fromSelection =
    property && index.valueItem(fragment, node, property)
      ? { kind: 'property' as const, fragment, node, property }
      : node && index.node(fragment, node)
        ? { kind: 'node' as const, fragment, node }
        : { kind: 'fragment' as const, fragment };
  return (
    <div data-testid="link-facts">
      <Facts
        facts={[
          [
            'from',
            <SelectLink selection={fromSelection}>{pathText(fragment, node, property || undefined)}</SelectLink>,
          ],
          [
            'to',
            link.to === null ? (
              <span className="dim">not followed (see the diagnostics)</span>
            ) : (
              <>
                <SelectLink selection={{ kind: 'fragment', fragment: link.to }}>{link.to}</SelectLink>{' '}
                <button type="button" className="button button--small" onClick={() => followLink(link.id)}>
                  Follow
                </button>
              </>
            ),
          ],
          ['scheme', SCHEMES[link.scheme] ?? link.scheme],
          [
            link.addresses.length > 1 ? 'page list' : 'address',
            link.addresses.length === 0 ? (
              <span className="dim">none (resolved by name)</span>
            ) : (
              <span className="address-list">
                {link.addresses.map((address, i) => (
                  <SelectLink key={i} selection={{ kind: 'memory', address, length: graph.source.pageSize }}>
                    <Hex value={address} />
                  </SelectLink>
                ))}
              </span>
            ),
          ],
          ['size', link.size === null ? undefined : formatSize(link.size)],
          ['byte order', <span data-testid="link-order">{link.order === 'le' ? 'little-endian' : 'big-endian'}</span>],
          ['why', <span data-testid="link-order-reason">{link.orderReason}</span>],
        ]}
      />
    </div>
  );
}
