import { useState } from 'react';
import { hexByteGroups } from '../format/formatHex';

/** Longer values show this many bytes until expanded, so one big property cannot flood the panel. */
const COLLAPSED_BYTES = 64;

/** Raw bytes in hex, one group per 4-byte cell; long values fold with a button to show all. */
export function HexBytes({ bytes }: { bytes: Uint8Array }) {
  const [all, setAll] = useState(false);
  if (bytes.length === 0) return <span className="dim">(empty)</span>;
  const folded = !all && bytes.length > COLLAPSED_BYTES;
  const groups = hexByteGroups(folded ? bytes.subarray(0, COLLAPSED_BYTES) : bytes);
  return (
    <span className="hex">
      {groups.map((group, i) => (
        <span key={i} className="hex__cell">
          {group}
        </span>
      ))}
      {folded && (
        <button type="button" className="link-button fold-button" onClick={() => setAll(true)}>
          … show all {bytes.length} bytes
        </button>
      )}
    </span>
  );
}
