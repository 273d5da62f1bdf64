import type { FeatureHeader } from '../../../../core/kho';

/** A feature header's bits, one row each: name (or number), and whether supported, required, active. */
export function FeatureBitsView({ features }: { features: FeatureHeader }) {
  return (
    <table className="table table--compact" data-testid="feature-bits">
      <thead>
        <tr>
          <th>feature</th>
          <th>supported</th>
          <th>required</th>
          <th>active</th>
        </tr>
      </thead>
      <tbody>
        {features.bits.map((bit) => (
          <tr key={bit.bit}>
            <td className="mono">
              {bit.name ?? (
                <span title="khoscope does not know this bit">
                  bit {bit.bit} <span className="dim">(unknown)</span>
                </span>
              )}
            </td>
            <td>{bit.supported ? 'yes' : ''}</td>
            <td>{bit.required ? 'yes' : ''}</td>
            <td>{bit.active ? 'yes' : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
