/**
 * The KHO graph: root discovery, decoding of every scheme and known user into
 * one graph of fragments and links, preserved-memory maps, diagnostics and
 * renderers. See docs/kho-graph.md.
 */
export * from './discover';
export { decodeKhoGraph } from './decode/decodeKhoGraph';
export type { KhoRootScan } from './decode/KhoRootScan';
export type { Diagnostic, DiagnosticLocation, ExpectedProblem, Severity } from './model/Diagnostic';
export { forEachNode, propertyOf } from './model/FdtContent';
export type { DecodedNode, DecodedProperty, FdtContent } from './model/FdtContent';
export type { FieldRef } from './model/FieldRef';
export type { Fragment } from './model/Fragment';
export { locationExtents } from './model/FragmentLocation';
export type { FragmentLocation, PhysicalExtent } from './model/FragmentLocation';
export type { GraphSource, KhoGraph, KhoRoot } from './model/KhoGraph';
export { noKernelFacts } from './model/KernelFacts';
export type { ImageCommandLine, KernelFacts, KernelImageRange } from './model/KernelFacts';
export { checkReserveMemCmdline, judgeCommandLine } from './checks/checkReserveMemCmdline';
export type { Link, LinkScheme } from './model/Link';
export type { RawContent, RawField } from './model/RawContent';
export type { RootVersion } from './model/RootVersion';
export { isConsumedRole } from './model/RootRole';
export type { RootRole, RootRoleName } from './model/RootRole';
export { describeRootRoles } from './roles/describeRootRoles';
export { incomingAndOutgoing } from './roles/incomingAndOutgoing';
export { judgeByRole } from './roles/judgeByRole';
export { RELEASES, NEWEST_CATALOGUED } from './compat/formatCatalogue';
export type { CatalogueEntry } from './compat/formatCatalogue';
export { imageFormats } from './compat/imageFormats';
export type { FormatUse } from './compat/imageFormats';
export { judgeCompatibility } from './compat/judgeCompatibility';
export type { Answer, CompatItem, CompatReport } from './compat/judgeCompatibility';
export type { AnchorChain, BlockSet, ScratchArea, VmallocArea } from './model/SideStructures';
export type { TypedValue, U64Readings, ValueBasis } from './model/TypedValue';
export type * from './model/UserContent';
export { PreservedMemoryMap } from './maps/PreservedMemoryMap';
export type { MapEncoding, MapStatus, OrderRanges, PreservedMemoryMapData } from './maps/PreservedMemoryMap';
export { revivePreservedMemoryMap } from './maps/revivePreservedMemoryMap';
export { DiagnosticIndex } from './render/DiagnosticIndex';
export { describeOwner, describeUser } from './render/describeUser';
export { formatDiagnostic } from './render/formatDiagnostic';
export { describeReading, formatValue } from './render/formatValue';
export { GRAPH_JSON_VERSION, graphToJson } from './render/graphToJson';
export {
  type FragmentDtsPart,
  type GraphDtsOptions,
  renderFragmentDts,
  renderGraphDts,
  renderGraphDtsParts,
  writeGraphDts,
} from './render/renderGraphDts';
export { type GraphTextOptions, renderGraphText, writeGraphText } from './render/renderGraphText';
export type * from './compare/GraphComparison';
export { compareRoots, type CompareInput, type CompareOptions } from './compare/compareRoots';
export { ROOT_PATH, fragmentTreePaths } from './compare/fragmentTreePaths';
export { renderComparisonText } from './compare/renderComparisonText';
export { extractionFiles, linkLabel, type ExtractedFile } from './extract/extractionFiles';
export { EXTRACTION_TAR_FOLDER, extractionTar } from './extract/extractionTar';
export { tarArchive, type TarFile } from './extract/tarArchive';
