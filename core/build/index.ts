/**
 * The KHO image builder: lays out FDTs, raw structs, anchor chains and a
 * preserved-memory map in sparse memory, as a kernel would. `khoscope build`
 * (core/spec), the built-in demos and the tests make their images with it.
 * See docs/build-spec.md.
 */
export { KhoImageBuilder, type KhoImageBuilderOptions } from './KhoImageBuilder';
export { fdtBlob, fdtDocument, fdtNode, type PropertyList } from './fdtTree';
export { placeKhoRoot, type KhoChildSpec, type KhoRootSpec } from './placeKhoRoot';
export * from './rawStructs';
export { SEED_EXAMPLE, buildSeedExample } from './seedExample';
