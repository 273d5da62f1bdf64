import { hex } from '../../bytes/readers';
import type { Diagnostic } from '../model/Diagnostic';

/**
 * One diagnostic on one line: severity, code, where (fragment, node,
 * property or field, byte offset, address, structure), and the message.
 * `error dangling-pointer at 0x23a000 /memblock preserved-data (0x40000000): …`
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { fragment, node, property, offset, address, structure } = diagnostic.location;
  const parts: string[] = [];
  if (fragment !== undefined) parts.push(fragment);
  if (node) parts.push(node);
  if (property) parts.push(property);
  if (offset !== undefined) parts.push(`+${hex(offset)}`);
  if (structure !== undefined) parts.push(`[${structure}]`);
  if (address !== undefined) parts.push(`(${hex(address)})`);
  const where = parts.length > 0 ? ` at ${parts.join(' ')}` : '';
  return `${diagnostic.severity} ${diagnostic.code}${where}: ${diagnostic.message}`;
}
