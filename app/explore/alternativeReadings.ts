import { type ByteOrder, readU16, readU32 } from '../../core/bytes';
import type { TypedValue, U64Readings } from '../../core/kho';
import { formatHex } from '../format/formatHex';

/** A reading of a value other than the one it was typed as (`u64 BE: 0x70840100000000`). */
export interface AlternativeReading {
  label: string;
  text: string;
}

/**
 * The readings of a value the typing did not pick, one click away in the
 * inspector: an ABI integer in the other byte order (u64s from the decoder's
 * both readings), and for dtc-typed values that are whole u64s, both u64
 * readings (KHO writes LE where dtc prints BE cells).
 */
export function alternativeReadings(
  value: TypedValue,
  raw: Uint8Array,
  readings: U64Readings | undefined,
): AlternativeReading[] {
  switch (value.kind) {
    case 'u16':
      return raw.length === 2 ? [other(value.order, 'u16', [readU16(raw, 0, otherByteOrder(value.order))])] : [];
    case 'u32':
      return raw.length === 4 ? [other(value.order, 'u32', [readU32(raw, 0, otherByteOrder(value.order))])] : [];
    case 'u64':
    case 'u64-list':
      return readings ? [other(value.order, 'u64', readings[otherByteOrder(value.order)])] : [];
    case 'u32-list':
      if (value.basis === 'abi') {
        const values: number[] = [];
        for (let at = 0; at + 4 <= raw.length; at += 4) values.push(readU32(raw, at, otherByteOrder(value.order)));
        return [other(value.order, 'u32', values)];
      }
      return bothU64(readings);
    case 'bytes':
      return bothU64(readings);
    default:
      return [];
  }
}

function otherByteOrder(order: ByteOrder): ByteOrder {
  return order === 'le' ? 'be' : 'le';
}

function other(order: ByteOrder, type: string, values: readonly (number | bigint)[]): AlternativeReading {
  return { label: `${type} ${otherByteOrder(order).toUpperCase()}`, text: values.map(formatHex).join(' ') };
}

function bothU64(readings: U64Readings | undefined): AlternativeReading[] {
  if (!readings) return [];
  return [
    { label: 'u64 LE', text: readings.le.map(formatHex).join(' ') },
    { label: 'u64 BE', text: readings.be.map(formatHex).join(' ') },
  ];
}
