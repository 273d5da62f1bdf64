import { FdtError } from '../../fdt/FdtError';
import { printDts } from '../../fdt/dts/printDts';
import { readFdt } from '../../fdt/readFdt';
import { hex } from '../binary';
import type { DecodedProperty, FdtContent } from '../model/FdtContent';
import type { Fragment } from '../model/Fragment';
import type { KhoGraph } from '../model/KhoGraph';
import type { Link } from '../model/Link';
import type { TypedValue } from '../model/TypedValue';

/**
 * Every fragment as DTS, each under a comment saying what and where it is.
 * FDT fragments are printed exactly as `dtc -I dtb -O dts` would (core/fdt's
 * `printDts`), and every property whose meaning differs from dtc's reading
 * gets the right one as a trailing comment, with the fragment it links to:
 * `preserved-data = <0x708401 0x00>; /* u64 LE 0x1847000 -> fragment 0x1847000 *\/`.
 * Raw fragments are shown as a comment listing their fields.
 */
export function renderGraphDts(graph: KhoGraph): string {
  return graph.fragments.map((fragment) => fragmentDts(graph, fragment)).join('\n');
}

function fragmentDts(graph: KhoGraph, fragment: Fragment): string {
  const head = `/* fragment ${fragment.id}: ${fragment.compatible ?? fragment.format}, ${fragment.size} bytes, root ${fragment.root} */\n`;
  const content = fragment.content;
  if (content?.kind === 'raw') {
    const fields = content.fields.map((field) => ` *   ${field.path} = ${field.value.kind === 'string' ? JSON.stringify(field.value.value) : abiReading(field.value)}`);
    return `${head}/* raw ${content.format}:\n${fields.join('\n')}\n */\n`;
  }
  if (content?.kind !== 'fdt') return `${head}/* not a readable FDT (see the diagnostics) */\n`;
  let text: string;
  try {
    text = printDts(readFdt(fragment.bytes).toDocument());
  } catch (error) {
    if (error instanceof FdtError) return `${head}/* ${error.message} */\n`;
    throw error;
  }
  return head + annotate(text, propertiesInPrintOrder(content), graph.links.filter((link) => link.from.fragment === fragment.id));
}

/** The properties in the order `printDts` writes them: a node's own, then its children's. */
function propertiesInPrintOrder(content: FdtContent): { node: string; property: DecodedProperty }[] {
  const order: { node: string; property: DecodedProperty }[] = [];
  const visit = (node: FdtContent['root']) => {
    for (const property of node.properties) order.push({ node: node.path, property });
    for (const child of node.children) visit(child);
  };
  visit(content.root);
  return order;
}

/**
 * Appends a comment to each property line. Lines are matched to properties
 * in print order by name; a property printDts leaves out (dtc's implied
 * `name` in old versions) is skipped over.
 */
function annotate(text: string, properties: { node: string; property: DecodedProperty }[], links: Link[]): string {
  let next = 0;
  return text
    .split('\n')
    .map((line) => {
      const match = /^\t+([^\s={}]+)( = .*)?;$/.exec(line);
      if (!match || line.trimStart().startsWith('/memreserve/')) return line;
      while (next < properties.length && properties[next].property.name !== match[1]) next++;
      const entry = properties[next++];
      if (!entry) return line;
      const notes = [abiReading(entry.property.value)].filter((note): note is string => note !== null);
      for (const link of links) {
        if (link.from.node === entry.node && link.from.property === entry.property.name) notes.push(link.to === null ? 'not followed' : `-> fragment ${link.to}`);
      }
      return notes.length > 0 ? `${line} /* ${notes.join(' ')} */` : line;
    })
    .join('\n');
}

/** The ABI reading of an integer value (which dtc shows as BE cells); null for anything else. */
function abiReading(value: TypedValue): string | null {
  switch (value.kind) {
    case 'u16':
    case 'u32':
    case 'u64':
      return value.basis === 'abi' ? `${value.kind} ${value.order.toUpperCase()} ${hex(value.value)}` : null;
    case 'u32-list':
    case 'u64-list':
      return value.basis === 'abi' ? `${value.kind === 'u32-list' ? 'u32' : 'u64'} list ${value.order.toUpperCase()} ${value.values.map(hex).join(' ')}` : null;
    case 'struct':
      return `${value.struct} { ${value.fields.map((field) => `${field.name} ${abiReading(field.value) ?? '?'}`).join(', ')} }`;
    default:
      return null;
  }
}
