import { hex } from '../../bytes/readers';
import type { Fragment } from '../model/Fragment';
import type { KhoGraph, KhoRoot } from '../model/KhoGraph';

/** One format or version string found in an image, and where. */
export interface FormatUse {
  /** The catalogue id: the string itself (`kho-v4`, `memfd-v2`), `luo:NUMBER` for a feature bit, ... */
  id: string;
  /** Where it is, in words (`root 0x23a000 compatible`, `LUO 0x1844000 session "s" file 0`). */
  where: string;
  /** For feature bits: whether the writer requires it (only required bits bind the next kernel). */
  required?: boolean;
}

/**
 * Every format and version string the image's roots use, each with where
 * it is: the root compatible and its parts, the map encoding, every blob's
 * compatible, LUO's format and its handlers' compatibles, feature bits, and
 * the debugfs file names. Only the roots a next kernel would take over are
 * listed: the outgoing ones when the image has any (see RootRole), else every
 * decoded root.
 */
export function imageFormats(graph: KhoGraph): FormatUse[] {
  const decoded = graph.roots.filter((root) => root.fragment !== null);
  const outgoing = decoded.filter((root) => root.role?.role === 'outgoing');
  const roots = outgoing.length > 0 ? outgoing : decoded;
  const uses: FormatUse[] = [];
  for (const root of roots) {
    const name = rootName(root);
    if (root.version) {
      const [base, ...parts] = root.version.compatible.split(';');
      uses.push({ id: base, where: `${name} compatible` });
      for (const part of parts) uses.push({ id: part, where: `${name} compatible part` });
    } else if (root.compatible !== null) uses.push({ id: root.compatible, where: `${name} compatible` });
    if (root.map && root.map.status !== 'no-map-yet')
      uses.push({ id: root.map.encoding, where: `${name} preserved-memory-map` });
    for (const fragment of graph.fragments)
      if (fragment.root === root.fragment && fragment.id !== root.fragment) uses.push(...fragmentFormats(fragment));
  }
  const scratch = graph.scratchAreas[0]?.source ?? '';
  if (scratch.startsWith('debugfs ')) uses.push({ id: scratch.slice(8).split('/')[0], where: 'debugfs file names' });
  return uses;
}

function fragmentFormats(fragment: Fragment): FormatUse[] {
  const at = `blob ${fragment.id}`;
  const user = fragment.user;
  if (user?.user === 'kexec-metadata') return [{ id: `kexec-metadata-v${user.version}`, where: at }];
  if (user?.user === 'luo') {
    const uses: FormatUse[] = [{ id: user.compatible, where: `LUO ${at}` }];
    for (const bit of user.features?.bits ?? [])
      uses.push({
        id: `luo:${bit.name ?? `bit ${bit.bit}`}`,
        where: `LUO ${at} feature header`,
        required: bit.required,
      });
    user.sessions.forEach((session, i) =>
      session.files.forEach((file, j) =>
        uses.push({ id: file.compatible, where: `LUO session "${session.name}" (sessions[${i}]) file ${j}` }),
      ),
    );
    user.flbs.forEach((flb, i) => uses.push({ id: flb.name, where: `LUO FLB flbs[${i}]` }));
    return uses;
  }
  if (user?.user === 'memfd') {
    return (user.features?.bits ?? []).map((bit) => ({
      id: `memfd:${bit.name ?? `bit ${bit.bit}`}`,
      where: `memfd ${at} feature header`,
      required: bit.required,
    }));
  }
  // Handler data carries its handler's compatible, already listed from its LUO file.
  if (fragment.format === 'fdt' && fragment.compatible !== null) return [{ id: fragment.compatible, where: at }];
  return [];
}

function rootName(root: KhoRoot): string {
  return root.address === null ? `root ${root.fragment}` : `root ${hex(root.address)}`;
}
