import { type DecodedProperty, describeReading, formatValue, type RawField } from '../../../core/kho';
import { select } from '../../state/select';

/** Previews longer than this are cut (the property's own inspector shows all). */
const PREVIEW_CHARS = 120;

/** A node's properties (or a raw struct's fields): name, typed value and type; a click selects one. */
export function PropertyTable({
  fragment,
  node,
  properties,
  fields,
}: {
  fragment: string;
  node: string;
  properties?: readonly DecodedProperty[];
  fields?: readonly RawField[];
}) {
  const rows = properties
    ? properties.map((property) => ({
        name: property.name,
        value: property.value,
        text: formatValue(property.value, property.raw),
      }))
    : (fields ?? []).map((field) => ({
        name: field.path,
        value: field.value,
        text: formatValue(field.value, new Uint8Array(0)),
      }));
  if (rows.length === 0) return <p className="dim">No properties.</p>;
  return (
    <table className="table property-table" data-testid="property-table">
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.name}
            data-property={row.name}
            onClick={() => select({ kind: 'property', fragment, node, property: row.name })}
          >
            <td className="mono property-table__name">
              <button type="button" className="link-button mono">
                {row.name}
              </button>
            </td>
            <td className="mono property-table__value">
              {row.text.length > PREVIEW_CHARS ? `${row.text.slice(0, PREVIEW_CHARS - 1)}…` : row.text}
            </td>
            <td className="property-table__type">
              {describeReading(row.value) && <span className="tag">{describeReading(row.value)}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
