import type { FdtDocument, FdtNode, FdtProperty } from '../FdtDocument';
import type { DtsSourceFile } from './DtsParser';
import { liveLabelNames } from './DtsSourceTree';
import type { DtsSourceNode, DtsSourceProperty } from './DtsSourceTree';
import { sourceValueBytes } from './DtsSourceValue';

/**
 * The document dtc would write for a checked, resolved tree: live nodes and
 * properties only, values as bytes, the labels kept for DTS round trips, and
 * dtc's blob header defaults (version 17, last compatible 16).
 */
export function dtsSourceToDocument(file: DtsSourceFile): FdtDocument {
  return {
    version: 17,
    lastCompVersion: 16,
    bootCpuidPhys: file.bootCpuidPhys,
    memoryReservations: file.memoryReservations.map((entry) => ({ ...entry })),
    root: toNode(file.root),
  };
}

function toNode(node: DtsSourceNode): FdtNode {
  const result: FdtNode = {
    name: node.name,
    properties: node.liveProperties().map(toProperty),
    children: node.liveChildren().map(toNode),
  };
  const labels = liveLabelNames(node.labels);
  if (labels.length > 0) result.labels = labels;
  return result;
}

function toProperty(property: DtsSourceProperty): FdtProperty {
  const result: FdtProperty = { name: property.name, value: sourceValueBytes(property.value) };
  const labels = liveLabelNames(property.labels);
  if (labels.length > 0) result.labels = labels;
  return result;
}
