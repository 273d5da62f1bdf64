import type { ReactNode } from 'react';

/** The decode button at the end of each row of a `DecodeTable`. */
export interface DecodeButton {
  /** The button's text. */
  text: string;
  /** Its accessible name, from the row's address in hex (`0x23a000`): says what decoding it does. */
  label: (hexAddress: string) => string;
  /** A small button (a secondary list) rather than a regular one. */
  small?: boolean;
}

/**
 * A table of FDTs the user can decode as roots, one row per address (marked
 * `data-root="0x…"` for tests), the row's own cells first and a decode
 * button last under a header only screen readers hear.
 */
export function DecodeTable<Row>({
  rows,
  address,
  headers,
  cells,
  button,
  onDecode,
  className,
  testId,
}: {
  rows: readonly Row[];
  /** The address a row decodes (also its key). */
  address: (row: Row) => number;
  /** Header texts of the row's own columns. */
  headers: readonly string[];
  /** The row's own `<td>` cells, one per header. */
  cells: (row: Row) => ReactNode;
  button: DecodeButton;
  onDecode: (address: number) => void;
  /** Extra classes beside `table`. */
  className?: string;
  testId: string;
}) {
  return (
    <table className={className ? `table ${className}` : 'table'} data-testid={testId}>
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">decode</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const at = address(row);
          const hex = `0x${at.toString(16)}`;
          return (
            <tr key={at} data-root={hex}>
              {cells(row)}
              <td>
                <button
                  type="button"
                  className={button.small ? 'button button--small' : 'button'}
                  onClick={() => onDecode(at)}
                  aria-label={button.label(hex)}
                >
                  {button.text}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
