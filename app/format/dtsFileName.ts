/** The download name for a file's DTS: `board.dtb` → `board.dts`, `fdt` → `fdt.dts`. */
export function dtsFileName(fileName: string): string {
  const base = fileName.replace(/\.(dtb|dtbo|fdt|bin|img)$/i, '');
  return `${base || 'tree'}.dts`;
}
