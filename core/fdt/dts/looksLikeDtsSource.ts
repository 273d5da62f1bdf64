/** Most bytes `looksLikeDtsSource` looks at: the start of a file decides. */
export const DTS_SNIFF_BYTES = 4096;

/**
 * Whether the first bytes of a file are device-tree source text rather than
 * a blob or a memory image: text without NUL bytes whose first token, past
 * blank space, comments and C preprocessor lines (`#include`, as kernel
 * .dts files have), is `/dts-v1/`, `/plugin/`, `/include/` or the root node
 * `/ {` (a .dtsi). Reads at most `DTS_SNIFF_BYTES`; a DTB (magic
 * d00dfeed) or any binary image is never taken for text.
 */
export function looksLikeDtsSource(head: Uint8Array): boolean {
  const bytes = head.subarray(0, DTS_SNIFF_BYTES);
  if (bytes.includes(0)) return false;
  const text = new TextDecoder('latin1').decode(bytes).replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '');
  let at = 0;
  for (;;) {
    const rest = text.slice(at);
    const skip = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|#[^\n]*)/.exec(rest);
    if (!skip) return /^(?:\/dts-v1\/|\/plugin\/|\/include\/|\/\s*\{)/.test(rest);
    at += skip[0].length;
  }
}
