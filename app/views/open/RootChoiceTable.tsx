import { Hex } from '../../components/Hex';
import type { RootChoice } from '../../model/ScanSummary';
import { formatSize } from '../../format/formatSize';

/** Root candidates with the evidence for and against each, and a button to decode one. */
export function RootChoiceTable({ candidates, onDecode }: { candidates: readonly RootChoice[]; onDecode: (address: number) => void }) {
  return (
    <table className="table roots-table" data-testid="root-candidates">
      <thead>
        <tr>
          <th scope="col">address</th>
          <th scope="col">compatible</th>
          <th scope="col">rank</th>
          <th scope="col">why</th>
          <th scope="col">
            <span className="visually-hidden">decode</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {candidates.map((candidate) => (
          <tr key={candidate.address} data-root={`0x${candidate.address.toString(16)}`}>
            <td>
              <Hex value={candidate.address} />
              <div className="dim">
                {candidate.how === 'anchor' ? 'KHOANCH1 anchor chain' : 'FDT at a page start'}, {formatSize(candidate.size)}
              </div>
            </td>
            <td className="mono">{candidate.compatible}</td>
            <td className={candidate.rank > 0 ? 'rank rank--good' : 'rank rank--poor'}>{candidate.rank}</td>
            <td>
              <ul className="reasons">
                {candidate.reasons.map((reason, i) => (
                  <li key={i}>
                    <span className={reason.points >= 0 ? 'reasons__points reasons__points--plus' : 'reasons__points reasons__points--minus'}>
                      {reason.points >= 0 ? `+${reason.points}` : reason.points}
                    </span>{' '}
                    {reason.text}
                  </li>
                ))}
              </ul>
            </td>
            <td>
              <button type="button" className="button" onClick={() => onDecode(candidate.address)} aria-label={`Decode the root at 0x${candidate.address.toString(16)}`}>
                Decode
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
