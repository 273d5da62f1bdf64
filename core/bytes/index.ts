/**
 * The bottom layer: byte-order, integer, address and text helpers every other
 * layer reads and writes with. Imports nothing from the rest of core.
 */
export { ADDRESS_LIMIT, ADDRESS_LIMIT_NUMBER, toAddress } from './address';
export type { ByteOrder } from './ByteOrder';
export { readU16, readU32, readU64, readU64List, hex, readCString, startsWithAscii } from './readers';
export { u64, u64List, u32, cells, cstring, charArray, concatBytes } from './encoders';
export { readU32BE, readU64BE } from './bigEndian';
export { decodeLatin1, latin1Equals } from './latin1';
export { floorLog2, popcount32, readU64Number, trailingZeros, trailingZeros32, u64Hex } from './bitMath';
export { writeU64 } from './writeU64';
