import { hex } from '../../bytes/readers';
import type { TypedValue } from '../model/TypedValue';
import { formatDtsBytes } from '../../fdt/dts/formatDtsValue';

/**
 * A typed value in short readable form for the text tree: strings quoted,
 * integers in hex (with the decimal when small numbers read better that
 * way), lists comma-separated, dtc cells in `<…>`, bytes in `[…]`.
 */
export function formatValue(value: TypedValue, raw: Uint8Array): string {
  switch (value.kind) {
    case 'empty':
      return '(empty)';
    case 'string':
      return JSON.stringify(value.value);
    case 'string-list':
      return value.values.map((v) => JSON.stringify(v)).join(', ');
    case 'u16':
    case 'u32':
    case 'u64':
      return number(value.value);
    case 'u32-list':
      return value.basis === 'dtc' ? `<${value.values.map(hex).join(' ')}>` : value.values.map(number).join(', ');
    case 'u64-list':
      return value.values.map(number).join(', ');
    case 'struct':
      return `${value.struct} { ${value.fields.map((field) => `${field.name} ${formatValue(field.value, raw)}`).join(', ')} }`;
    case 'bytes':
      return formatDtsBytes(raw);
  }
}

/** How a value was read: `u64 LE`, `u32 list BE`, `string`, `dtc cells`, ... (empty for dtc strings and bytes). */
export function describeReading(value: TypedValue): string {
  switch (value.kind) {
    case 'u16':
    case 'u32':
    case 'u64':
      return `${value.kind} ${value.order.toUpperCase()}`;
    case 'u32-list':
      return value.basis === 'dtc' ? 'dtc cells' : `u32 list ${value.order.toUpperCase()}`;
    case 'u64-list':
      return `u64 list ${value.order.toUpperCase()}`;
    case 'struct':
      return `struct ${value.struct}, LE`;
    default:
      return '';
  }
}

/** Hex, plus the decimal for values small enough that it helps (sizes, counts). */
function number(value: number | bigint): string {
  const big = BigInt(value);
  return big >= 10n && big < 0x10_0000n ? `${hex(big)} (${big})` : hex(big);
}
