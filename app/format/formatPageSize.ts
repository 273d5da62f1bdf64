/** A page size for people: `4 KiB`, `64 KiB`, `512 bytes`. Page sizes are powers of two, so KiB come out whole. */
export function formatPageSize(bytes: number): string {
  return bytes >= 1024 && bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}
