import { Hex } from '../../components/Hex';
import type { FoundFdt } from '../../../core/kho';
import { formatSize } from '../../format/formatSize';
import { DecodeTable } from './DecodeTable';

/** Every FDT found at a page start (the "list every FDT" scan), each decodable as a root. */
export function FdtList({ fdts, onDecode }: { fdts: readonly FoundFdt[]; onDecode: (address: number) => void }) {
  if (fdts.length === 0) return <p className="dim">No FDT starts at any page of this image.</p>;
  return (
    <DecodeTable
      testId="fdt-list"
      rows={fdts}
      address={(fdt) => fdt.address}
      headers={['address', 'size', 'compatible']}
      cells={(fdt) => (
        <>
          <td>
            <Hex value={fdt.address} />
          </td>
          <td>{formatSize(fdt.size)}</td>
          <td className="mono">{fdt.compatible ?? <span className="dim">{fdt.problem ?? 'none'}</span>}</td>
        </>
      )}
      button={{ text: 'Decode as root', label: (address) => `Decode the FDT at ${address} as a root`, small: true }}
      onDecode={onDecode}
    />
  );
}
