import { Hex } from '../../components/Hex';
import type { FoundFdt } from '../../../core/mem/scan';
import { formatSize } from '../../format/formatSize';

/** Every FDT found at a page start (the "list every FDT" scan), each decodable as a root. */
export function FdtList({ fdts, onDecode }: { fdts: readonly FoundFdt[]; onDecode: (address: number) => void }) {
  if (fdts.length === 0) return <p className="dim">No FDT starts at any page of this image.</p>;
  return (
    <table className="table" data-testid="fdt-list">
      <thead>
        <tr>
          <th scope="col">address</th>
          <th scope="col">size</th>
          <th scope="col">compatible</th>
          <th scope="col">
            <span className="visually-hidden">decode</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {fdts.map((fdt) => (
          <tr key={fdt.address}>
            <td>
              <Hex value={fdt.address} />
            </td>
            <td>{formatSize(fdt.size)}</td>
            <td className="mono">{fdt.compatible ?? <span className="dim">{fdt.problem ?? 'none'}</span>}</td>
            <td>
              <button type="button" className="button button--small" onClick={() => onDecode(fdt.address)} aria-label={`Decode the FDT at 0x${fdt.address.toString(16)} as a root`}>
                Decode as root
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
