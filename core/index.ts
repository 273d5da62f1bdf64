/**
 * The khoscope library: what `import … from 'khoscope'` gives. It runs the
 * same in Node, in a browser and in a Web Worker: nothing here touches the
 * file system (Node file access is `khoscope/node`). Each layer's entry point
 * is re-exported whole; docs/api.md is the guide.
 */
export * from './bytes';
export * from './fdt';
export * from './fdt/dts';
export * from './mem';
export * from './kho';
export * from './build';
export * from './edit';
export type { BuildSpec } from './spec/BuildSpec';
export { buildSpecImage, type SpecImage } from './spec/buildSpecImage';
export type { SpecFileReader } from './spec/parseFragmentSpec';
export { SpecError } from './spec/SpecError';
