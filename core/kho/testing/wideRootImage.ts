import { emptyFdtDocument, writeFdt, type FdtDocument, type FdtNode } from '../../fdt';
import { elfFile } from '../../mem/testing/NodeContainerImages';
import { cstr, fdtBlob, u64le } from '../discover/testing/khoTestImage';

/** Where the wide root and its one shared sub-FDT sit. */
export const WIDE_ROOT = { root: 0x10000, sub: 0x8000, ramBytes: 64 << 20 } as const;

/**
 * A kho-v1 root FDT with `children` children, each with an `fdt` pointer at
 * one sub-FDT (issue 14's fan-in giant), or with `target` 'root' back at the
 * root itself (the self-loop giant: one cycle per child).
 */
export function wideRootDocument(children: number, target: 'sub' | 'root' = 'sub'): FdtDocument {
  const pointer = target === 'sub' ? WIDE_ROOT.sub : WIDE_ROOT.root;
  const nodes: FdtNode[] = Array.from({ length: children }, (_, i) => ({
    name: `c${i}`,
    properties: [{ name: 'fdt', value: u64le(pointer) }],
    children: [],
  }));
  const doc = emptyFdtDocument();
  doc.root = { name: '', properties: [{ name: 'compatible', value: cstr('kho-v1') }], children: nodes };
  return doc;
}

/** The wide root (`wideRootDocument`) and its sub-FDT in 64 MiB of RAM, as a little-endian ELF64 core. */
export function wideRootElf(children: number, target: 'sub' | 'root' = 'sub'): Uint8Array {
  const pages = new Map<number, Uint8Array>();
  const place = (address: number, bytes: Uint8Array) => {
    for (let at = 0; at < bytes.length; at += 4096) {
      const page = new Uint8Array(4096);
      page.set(bytes.subarray(at, at + 4096));
      pages.set(address + at, page);
    }
  };
  place(WIDE_ROOT.sub, fdtBlob('sub-v1'));
  place(WIDE_ROOT.root, writeFdt(wideRootDocument(children, target)));
  return elfFile({ pageSize: 4096, ranges: [{ start: 0, end: WIDE_ROOT.ramBytes }], pages }, 64, true);
}
