import type { DecodeContext } from '../../decode/DecodeContext';
import type { Fragment } from '../../model/Fragment';
import type { LuoSession, MemfdContent, SystemdFdEntry, SystemdMapping } from '../../model/UserContent';
import { parseSystemdMapping } from './parseSystemdMapping';

/** The LUO session systemd keeps its fd stores in (`LUO_SESSION_NAME`, systemd src/shared/luo-util.h). */
export const SYSTEMD_SESSION = 'systemd';
/** Its token 0 is the mapping memfd (`LUO_MAPPING_INDEX`). */
const MAPPING_TOKEN = 0n;
/** Longest mapping read: systemd writes a few bytes per stored fd; a bigger memfd is not its mapping. */
export const MAX_MAPPING_BYTES = 1 << 20;
const CODE = 'systemd-mapping';

/**
 * For every LUO session named `systemd` (systemd v261+, src/core/luo.c):
 * reads its token 0, a sealed memfd holding a JSON map from units and their
 * fd store names to tokens, and gives each file of the session its owner
 * (`LuoFile.owner`), so "memfd, token 7" shows as the service and fd it
 * belongs to. Runs once the memfds are decoded (their folios give the
 * bytes). Every problem (no token 0, not a memfd, too big, not JSON, not
 * systemd's shape, a token no file has) is a diagnostic on the place it is
 * about; nothing is thrown.
 */
export async function decodeSystemdSessions(ctx: DecodeContext): Promise<void> {
  for (const fragment of [...ctx.fragments.values()]) {
    if (fragment.user?.user !== 'luo') continue;
    for (const [i, session] of fragment.user.sessions.entries())
      if (session.name === SYSTEMD_SESSION) await decodeSession(ctx, fragment, session, i);
  }
}

async function decodeSession(ctx: DecodeContext, luo: Fragment, session: LuoSession, index: number): Promise<void> {
  const at = { fragment: luo.id, property: `sessions[${index}].files` };
  const file = session.files.find((f) => f.token === MAPPING_TOKEN);
  if (!file) {
    if (session.files.length > 0)
      ctx.diagnostics.warning(
        CODE,
        `LUO session "systemd" has no file with token 0, where systemd keeps the mapping of its fds to units`,
        at,
      );
    return;
  }
  const link = ctx.links.find((l) => l.id === file.dataLink);
  const memfd = link?.to ? ctx.fragments.get(link.to) : undefined;
  if (memfd?.user?.user !== 'memfd') {
    ctx.diagnostics.warning(
      CODE,
      `token 0 of LUO session "systemd" is a ${file.compatible} file, not a decoded memfd: systemd's mapping of its fds to units cannot be read`,
      at,
    );
    return;
  }
  const text = await readMemfdText(ctx, memfd, memfd.user);
  if (text === null) return;
  const parsed = parseSystemdMapping(text);
  for (const problem of parsed.problems)
    ctx.diagnostics.warning(CODE, `systemd's mapping: ${problem}`, { fragment: memfd.id });
  if (!parsed.mapping) return;
  const mapping: SystemdMapping = { ...parsed.mapping, fragment: memfd.id };
  session.systemd = mapping;
  file.owner = { unit: 'systemd', name: 'mapping' };
  for (const entry of mapping.entries) claimToken(ctx, session, entry, at);
}

/** Gives the file with the entry's token its owner, or says no file has that token. */
function claimToken(
  ctx: DecodeContext,
  session: LuoSession,
  entry: SystemdFdEntry,
  at: { fragment: string; property: string },
): void {
  if (entry.type !== 'fd' || entry.token === null) return;
  const file = session.files.find((f) => f.token === entry.token);
  if (file) file.owner = { unit: entry.unit, name: entry.name };
  else
    ctx.diagnostics.warning(
      CODE,
      `systemd's mapping gives ${entry.unit} fd "${entry.name}" token ${entry.token}, but session "systemd" holds no file with that token: systemd will not get it back`,
      at,
    );
}

/**
 * The memfd's content as text: `size` bytes read page by page from its
 * folios (a page no folio holds reads as zero, as in a sparse memfd), UTF-8;
 * null (with a diagnostic) when too big, unreadable or not UTF-8.
 */
async function readMemfdText(ctx: DecodeContext, fragment: Fragment, memfd: MemfdContent): Promise<string | null> {
  if (memfd.size > BigInt(MAX_MAPPING_BYTES)) {
    ctx.diagnostics.warning(
      CODE,
      `systemd's mapping memfd is ${memfd.size} bytes, more than the ${MAX_MAPPING_BYTES} khoscope reads as a mapping; not read`,
      { fragment: fragment.id, property: 'size' },
    );
    return null;
  }
  const length = Number(memfd.size);
  const ps = ctx.pageSize;
  const bytes = new Uint8Array(length);
  const folios = memfd.folios.filter((f) => f.address !== null).sort((a, b) => (a.index < b.index ? -1 : 1));
  for (let page = 0; page * ps < length; page++) {
    // The folio holding this page: the last one starting at or before it (a folio is physically contiguous).
    const folio = folios.findLast((f) => f.index <= BigInt(page));
    if (!folio || folio.address === null) continue;
    const address = folio.address + (page - Number(folio.index)) * ps;
    const chunk = await ctx.read(address, Math.min(ps, length - page * ps), `page ${page} of systemd's mapping`, {
      fragment: fragment.id,
    });
    if (!chunk) return null;
    bytes.set(chunk, page * ps);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    ctx.diagnostics.warning(CODE, `systemd's mapping memfd does not hold UTF-8 text, so it is not JSON`, {
      fragment: fragment.id,
    });
    return null;
  }
}
