/** An offset, size or field value as messages write it: `0x1a4`. */
export function hexOffset(value: number): string {
  return `0x${value.toString(16)}`;
}
