import { isPlausiblePageSize } from '../OpenImageOptions';
import type { NoteEntry } from './ElfNotes';

/** What an image says about itself: VMCOREINFO and the list of ELF notes. */
export interface ImageNotes {
  /** VMCOREINFO `KEY=value` lines (`OSRELEASE`, `PAGESIZE`, `SYMBOL(...)`, ...). */
  vmcoreinfo?: Map<string, string>;
  /** Kernel release: VMCOREINFO `OSRELEASE`, else the kdump header's utsname. */
  osRelease?: string;
  /** VMCOREINFO `PAGESIZE`, when present and plausible. */
  pageSizeFromImage?: number;
  /** True when a `QEMU` note is present (QEMU `dump-guest-memory`). */
  hasQemuNote: boolean;
  /** Every ELF note, in file order (CORE, QEMU, VMCOREINFO, ...). */
  entries: NoteEntry[];
}

/**
 * Parses VMCOREINFO text (`KEY=value` per line). Lines without `=` are
 * skipped; a repeated key keeps its last value, as the kernel appends.
 */
export function parseVmcoreinfo(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    map.set(line.slice(0, eq), line.slice(eq + 1).replace(/\0+$/, ''));
  }
  return map;
}

/**
 * Builds `ImageNotes` from parsed notes and, for kdump, the separately stored
 * VMCOREINFO text (which wins over a VMCOREINFO note). Implausible values
 * become warnings.
 */
export function buildImageNotes(
  entries: NoteEntry[],
  vmcoreinfoText: string | undefined,
  warnings: string[],
  fallbackRelease?: string,
): ImageNotes {
  let text = vmcoreinfoText;
  if (text === undefined) {
    const note = entries.find((e) => e.name === 'VMCOREINFO');
    if (note) text = new TextDecoder().decode(note.desc);
  }
  const notes: ImageNotes = { hasQemuNote: entries.some((e) => e.name === 'QEMU'), entries };
  if (text !== undefined) {
    const vmcoreinfo = parseVmcoreinfo(text);
    notes.vmcoreinfo = vmcoreinfo;
    notes.osRelease = vmcoreinfo.get('OSRELEASE');
    const pageSize = vmcoreinfo.get('PAGESIZE');
    if (pageSize !== undefined) {
      const value = /^\d+$/.test(pageSize) ? Number(pageSize) : NaN;
      if (isPlausiblePageSize(value)) notes.pageSizeFromImage = value;
      else warnings.push(`VMCOREINFO PAGESIZE=${pageSize} is not a plausible page size; ignored`);
    }
  }
  if (notes.osRelease === undefined && fallbackRelease) notes.osRelease = fallbackRelease;
  return notes;
}
