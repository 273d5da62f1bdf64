/** The last path component of a file name (`/a/b/vmcore` → `vmcore`), so exports never write outside their folder. */
export function fileBaseName(name: string): string {
  const base = name
    .split(/[\\/]/)
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .pop();
  return base ?? 'image';
}
