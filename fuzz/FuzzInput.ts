/** What a fuzz input is fed to. */
export type FuzzTarget = 'image' | 'fdt' | 'dts';

/** One generated input: the bytes, what they go through, and a few words on how they were made. */
export interface FuzzInput {
  bytes: Uint8Array;
  target: FuzzTarget;
  /** Raw images: the physical address of byte 0. */
  base?: number;
  what: string;
}
