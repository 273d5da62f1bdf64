/** An ELF note to encode. */
export interface ElfNoteSpec {
  name: string;
  type: number;
  desc: Uint8Array;
}

/** Encodes ELF notes as core files hold them: {namesz, descsz, type}, NUL-terminated name and descriptor, each 4-byte aligned. */
export function encodeElfNotes(notes: readonly ElfNoteSpec[], littleEndian: boolean): Uint8Array {
  const pad = (n: number) => n + ((4 - (n % 4)) % 4);
  const encoded = notes.map((note) => ({ note, name: new TextEncoder().encode(`${note.name}\0`) }));
  const size = encoded.reduce((n, e) => n + 12 + pad(e.name.length) + pad(e.note.desc.length), 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const { note, name } of encoded) {
    view.setUint32(at, name.length, littleEndian);
    view.setUint32(at + 4, note.desc.length, littleEndian);
    view.setUint32(at + 8, note.type, littleEndian);
    out.set(name, at + 12);
    at += 12 + pad(name.length);
    out.set(note.desc, at);
    at += pad(note.desc.length);
  }
  return out;
}
