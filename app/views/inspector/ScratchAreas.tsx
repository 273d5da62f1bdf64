import type { KhoGraph } from '../../../core/kho';
import { Hex } from '../../components/Hex';
import { Section } from '../../components/Section';
import { formatSize } from '../../format/formatSize';

/** The KHO scratch areas the image names (from debugfs scratch_phys/scratch_len). */
export function ScratchAreas({ graph }: { graph: KhoGraph }) {
  if (graph.scratchAreas.length === 0) return null;
  return (
    <Section title="Scratch areas" testId="scratch-areas">
      <table className="table table--compact">
        <thead>
          <tr>
            <th>start</th>
            <th>size</th>
            <th>from</th>
          </tr>
        </thead>
        <tbody>
          {graph.scratchAreas.map((area) => (
            <tr key={area.id}>
              <td>
                <Hex value={area.address} />
              </td>
              <td>{formatSize(area.size)}</td>
              <td className="dim">{area.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
