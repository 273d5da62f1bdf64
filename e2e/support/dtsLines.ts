/** One property line of dtc's DTS output: the name and the text after ` = ` ('' for a flag). */
export interface DtsPropertyText {
  name: string;
  value: string;
}

/**
 * The properties of the node at `path` in DTS text as dtc prints it
 * (tab-indented, one property per line, `name {` / `};` around nodes).
 * Used as the oracle for the values the page shows.
 */
export function dtsPropertiesAt(dts: string, path: string): DtsPropertyText[] {
  const stack: string[] = [];
  const found: DtsPropertyText[] = [];
  for (const raw of dts.split('\n')) {
    const line = raw.trim();
    const open = /^(?:[\w-]+: )*(\S+) \{$/.exec(line);
    if (open) {
      stack.push(open[1]);
      continue;
    }
    if (line === '};') {
      stack.pop();
      continue;
    }
    const property = /^([^\s=;]+)(?: = (.*))?;$/.exec(line);
    if (property && stack.length > 0 && pathOf(stack) === path)
      found.push({ name: property[1], value: property[2] ?? '' });
  }
  return found;
}

/** Number of nodes and properties in dtc's DTS text. */
export function dtsCounts(dts: string): { nodes: number; properties: number } {
  const lines = dts.split('\n').map((line) => line.trim());
  return {
    nodes: lines.filter((line) => line.endsWith(' {')).length,
    properties: lines.filter((line) => line.endsWith(';') && line !== '};' && !line.startsWith('/')).length,
  };
}

function pathOf(stack: readonly string[]): string {
  return stack.length === 1 ? '/' : `/${stack.slice(1).join('/')}`;
}
