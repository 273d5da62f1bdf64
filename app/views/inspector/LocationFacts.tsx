import type { FragmentLocation } from '../../../core/kho';
import { Hex } from '../../components/Hex';
import { formatSize } from '../../format/formatSize';
import { AddressValue } from './AddressValue';
import { SelectLink } from './SelectLink';

/** Where a fragment's bytes are: one contiguous range, a page list (pages selectable), or a file of a blob set. */
export function LocationFacts({ location }: { location: FragmentLocation }) {
  switch (location.kind) {
    case 'contiguous':
      return <AddressValue address={location.address} none="" testId="inspector-address" />;
    case 'pages':
      return (
        <span>
          {location.pages.length} page{location.pages.length === 1 ? '' : 's'} of {formatSize(location.pageSize)}, in
          list order:{' '}
          <span className="address-list" data-testid="inspector-pages">
            {location.pages.map((page, i) => (
              <SelectLink key={i} selection={{ kind: 'memory', address: page, length: location.pageSize }}>
                <Hex value={page} />
              </SelectLink>
            ))}
          </span>
        </span>
      );
    case 'file':
      return <span className="mono">debugfs file {location.path} (no physical memory)</span>;
  }
}
