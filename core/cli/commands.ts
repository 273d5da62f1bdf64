import type { Command } from './Command';

/**
 * Every CLI command, in the order `--help` lists them. Each module is imported
 * only when its command runs: `khoscope --help` loads none of them.
 */
export const commands: Command[] = [
  {
    name: 'open',
    summary: 'open the explorer on an image, served to this machine only (by range requests)',
    load: async () => (await import('./commands/open')).runOpen,
  },
  {
    name: 'scan',
    summary: 'find KHO roots in a memory image and rank them',
    load: async () => (await import('./commands/scan')).runScan,
  },
  {
    name: 'tree',
    summary: 'decode the KHO tree of an image and print it (text, json, dts)',
    load: async () => (await import('./commands/tree')).runTree,
  },
  {
    name: 'extract',
    summary: 'write the blobs of a KHO tree as files, laid out like debugfs kho/out',
    load: async () => (await import('./commands/extract')).runExtract,
  },
  {
    name: 'check',
    summary: "list the problems of an image's KHO tree (exit 1 on errors)",
    load: async () => (await import('./commands/check')).runCheck,
  },
  {
    name: 'compat',
    summary: 'which kernel releases can take over from an image (formats, versions, feature bits)',
    load: async () => (await import('./commands/compat')).runCompat,
  },
  {
    name: 'diff',
    summary: 'compare two KHO trees (two images, or two roots of one); exit 1 when they differ',
    load: async () => (await import('./commands/diff')).runDiff,
  },
  {
    name: 'carve',
    summary: 'write a small ELF core holding only what the KHO tree uses',
    load: async () => (await import('./commands/carve')).runCarve,
  },
  {
    name: 'dts',
    summary: "decompile DTB files to DTS text (as 'dtc -I dtb -O dts')",
    load: async () => (await import('./commands/dts')).runDts,
  },
  {
    name: 'edit',
    summary: 'change a KHO tree and write an image the next kernel would accept',
    load: async () => (await import('./commands/edit')).runEdit,
  },
  {
    name: 'build',
    summary: 'build a memory image with a KHO tree from a declarative JSON spec',
    load: async () => (await import('./commands/build')).runBuild,
  },
];
