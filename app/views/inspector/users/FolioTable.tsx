import type { MemfdFolio } from '../../../../core/kho';
import { Hex } from '../../../components/Hex';
import { SelectLink } from '../SelectLink';

/** Folio records of a memfd-like file: file index, pfn, address (selectable) and flag bits by name. */
export function FolioTable({ folios, pageSize }: { folios: readonly MemfdFolio[]; pageSize: number }) {
  return (
    <table className="table table--compact" data-testid="memfd-folios">
      <thead>
        <tr>
          <th>index</th>
          <th>pfn</th>
          <th>address</th>
          <th>state</th>
        </tr>
      </thead>
      <tbody>
        {folios.map((folio, i) => (
          <tr key={i}>
            <td>{folio.index.toString()}</td>
            <td>
              <Hex value={folio.pfn} />
            </td>
            <td>
              {folio.address === null ? (
                <span className="dim">past 2^53</span>
              ) : (
                <SelectLink selection={{ kind: 'memory', address: folio.address, length: pageSize }}>
                  <Hex value={folio.address} />
                </SelectLink>
              )}
            </td>
            <td>{folio.state.join(', ') || 'clean'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
