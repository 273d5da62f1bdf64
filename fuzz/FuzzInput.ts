/** What a fuzz input is fed to. */
export type FuzzTarget = 'image' | 'fdt' | 'dts';

/** One file of a multi-file input: its name (a path, as a folder walk gives it) and its length in bytes. */
export interface FuzzFile {
  name: string;
  length: number;
}

/** One generated input: the bytes, what they go through, and a few words on how they were made. */
export interface FuzzInput {
  bytes: Uint8Array;
  target: FuzzTarget;
  /** Raw images: the physical address of byte 0. */
  base?: number;
  /**
   * Several files opened together (a KHO debugfs set, `openImage([...])`):
   * `bytes` is their contents one after another in this order, each
   * `length` bytes long (the lengths add up to `bytes.length`). Absent for
   * one-file inputs.
   */
  files?: FuzzFile[];
  what: string;
}
