import { CopyButton } from '../../components/CopyButton';
import { Hex } from '../../components/Hex';
import { formatHex } from '../../format/formatHex';

/** A physical address with a copy button, or why there is none. */
export function AddressValue({ address, none, testId }: { address: number | null; none: string; testId?: string }) {
  if (address === null) return <span className="dim">{none}</span>;
  return (
    <>
      <Hex value={address} testId={testId} /> <CopyButton text={formatHex(address)} what="address" />
    </>
  );
}
