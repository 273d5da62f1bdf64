const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'];

/** A byte count for people: `812 bytes`, `1.5 KiB`, `3.2 GiB` (binary units, one decimal below 10). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 ? 1 : 0;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}
