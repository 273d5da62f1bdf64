import type { Fragment } from '../../../core/kho';
import { CopyButton } from '../../components/CopyButton';
import type { Fact } from '../../components/Facts';
import { Hex } from '../../components/Hex';
import { physicalAddress } from '../../explore/physicalAddress';
import { AddressValue } from './AddressValue';

/**
 * The facts that place a node or value in its fragment: its path (with a copy
 * button), the physical address of byte `offset` (or why there is none: a
 * debugfs file has no memory behind it) and that offset in the fragment.
 */
export function placeFacts(fragment: Fragment, path: string, offset: number): Fact[] {
  const location = fragment.location;
  return [
    [
      'path',
      <>
        <span className="mono" data-testid="inspector-path">
          {path}
        </span>{' '}
        <CopyButton text={path} what="path" />
      </>,
    ],
    [
      'address',
      <AddressValue
        address={physicalAddress(location, offset)}
        none={`no physical memory (${location.kind === 'file' ? location.path : 'unknown'})`}
        testId="inspector-address"
      />,
    ],
    [
      'offset',
      <>
        <Hex value={offset} testId="inspector-offset" /> in fragment {fragment.id}
      </>,
    ],
  ];
}
