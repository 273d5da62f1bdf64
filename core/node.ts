/**
 * The Node-only part of the khoscope library (`import … from 'khoscope/node'`):
 * images read from files by handle (never whole), exports written to files,
 * and specs built from a file with the files they name.
 */
export { NodeFileSource } from './mem/sources/NodeFileSource';
export { writeExportFile } from './mem/export/NodeExportWriter';
export { buildSpecFile } from './spec/NodeSpecFiles';
