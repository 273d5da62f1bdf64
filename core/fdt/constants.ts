/**
 * Wire constants of the flattened device tree format (DTSpec chapter 5, as
 * written by dtc and libfdt). Every multi-byte field on the wire is big-endian.
 */

/** First four bytes of every FDT blob. */
export const FDT_MAGIC = 0xd00dfeed;

/** Structure block token: start of a node, followed by its NUL-terminated name. */
export const FDT_BEGIN_NODE = 0x1;
/** Structure block token: end of the innermost open node. */
export const FDT_END_NODE = 0x2;
/** Structure block token: a property (value length, name offset, value). */
export const FDT_PROP = 0x3;
/** Structure block token: nothing; readers skip it (used to blank things out in place). */
export const FDT_NOP = 0x4;
/** Structure block token: end of the structure block. */
export const FDT_END = 0x9;

/** Every structure block token and field is aligned to this many bytes. */
export const FDT_TAG_SIZE = 4;
/** One memory reservation entry: u64 address + u64 size. */
export const FDT_RESERVE_ENTRY_SIZE = 16;
/** Bytes of a PROP token with its length and name-offset cells. */
export const FDT_PROP_HEADER_SIZE = 12;

/** Largest value a u32 header field or length cell can hold. */
export const FDT_U32_MAX = 0xffff_ffff;
