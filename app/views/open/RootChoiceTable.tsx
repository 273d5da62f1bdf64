import { Hex } from '../../components/Hex';
import type { RootChoice } from '../../model/ScanSummary';
import { formatSize } from '../../format/formatSize';
import { DecodeTable } from './DecodeTable';

/** Root candidates with the evidence for and against each, and a button to decode one. */
export function RootChoiceTable({
  candidates,
  onDecode,
}: {
  candidates: readonly RootChoice[];
  onDecode: (address: number) => void;
}) {
  return (
    <DecodeTable
      testId="root-candidates"
      className="roots-table"
      rows={candidates}
      address={(candidate) => candidate.address}
      headers={['address', 'compatible', 'rank', 'why']}
      cells={(candidate) => (
        <>
          <td>
            <Hex value={candidate.address} />
            <div className="dim">
              {candidate.how === 'anchor' ? 'KHOANCH1 anchor chain' : 'FDT at a page start'},{' '}
              {formatSize(candidate.size)}
            </div>
          </td>
          <td className="mono">{candidate.compatible}</td>
          <td className={candidate.rank > 0 ? 'rank rank--good' : 'rank rank--poor'}>{candidate.rank}</td>
          <td>
            <ul className="reasons">
              {candidate.reasons.map((reason, i) => (
                <li key={i}>
                  <span
                    className={
                      reason.points >= 0
                        ? 'reasons__points reasons__points--plus'
                        : 'reasons__points reasons__points--minus'
                    }
                  >
                    {reason.points >= 0 ? `+${reason.points}` : reason.points}
                  </span>{' '}
                  {reason.text}
                </li>
              ))}
            </ul>
          </td>
        </>
      )}
      button={{ text: 'Decode', label: (address) => `Decode the root at ${address}` }}
      onDecode={onDecode}
    />
  );
}
