/**
 * DTS text: `printDts` writes a document the way `dtc -I dtb -O dts` does,
 * `parseDts` reads DTS the way `dtc -I dts -O dtb` does, and the value typing
 * dtc applies to raw bytes is exported for other views. See docs/dts.md.
 */
export { printDts } from './printDts';
export { printFdtIndexDts } from './printFdtIndexDts';
export type { PrintFdtIndexDtsOptions } from './printFdtIndexDts';
export { dtsComment, dtsCommentText } from './dtsComment';
export { parseDts } from './parseDts';
export { DtsError } from './DtsError';
export type { DtsPosition } from './DtsError';
export { DEFAULT_DTS_PARSE_LIMITS } from './DtsParseOptions';
export type { DtsParseLimits, DtsParseOptions } from './DtsParseOptions';
export { guessDtsValueType, isDtsStringByte } from './guessDtsValueType';
export type { DtsValueType } from './guessDtsValueType';
export { formatDtsBytes, formatDtsCells, formatDtsString, formatDtsValue } from './formatDtsValue';
export { looksLikeDtsSource, DTS_SNIFF_BYTES } from './looksLikeDtsSource';
