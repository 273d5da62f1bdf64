import { hex } from '../../bytes/readers';
import type { UserContent } from '../model/UserContent';

/**
 * What a known user's data means, as indented summary lines for the text
 * tree (fields already shown as properties or raw fields are not repeated).
 */
export function describeUser(user: UserContent): string[] {
  switch (user.user) {
    case 'memblock':
      return user.ranges.map(
        (range) => `reserve-mem ${range.name}: [${range.start === null ? '?' : hex(range.start)}, +${hex(range.size)})`,
      );
    case 'kho-test': {
      const storage =
        user.folioStorage === 'vmalloc'
          ? 'in a vmalloc area'
          : user.folioStorage === 'u64-array'
            ? 'inline (6.17)'
            : 'unread';
      const lines = [
        `kho_test: ${user.nrFolios ?? '?'} folios ${storage}, csum ${user.csum === null ? '?' : hex(user.csum)}`,
      ];
      for (const folio of user.folios) lines.push(`  folio ${hex(folio.address)} order ${folio.order}`);
      return lines;
    }
    case 'luo': {
      const lines = [
        `LUO ${user.compatible}: live update #${user.liveupdateNumber ?? '?'}, ${user.sessions.length} session(s), ${user.flbs.length} FLB(s)`,
      ];
      for (const session of user.sessions) {
        lines.push(`  session "${session.name}": ${session.fileCount} file(s)`);
        for (const file of session.files)
          lines.push(`    file ${file.compatible}: token ${hex(file.token)}, data ${hex(file.data)}`);
      }
      for (const flb of user.flbs) lines.push(`  FLB "${flb.name}": data ${hex(flb.data)}, ${flb.count} file(s)`);
      return lines;
    }
    case 'memfd': {
      const seals = user.seals === null ? '' : `, seals ${hex(user.seals)}`;
      const lines = [
        `memfd v${user.version}: size ${hex(user.size)}, pos ${hex(user.pos)}${seals}, ${user.nrFolios} folio(s)`,
      ];
      for (const folio of user.folios) {
        const flags =
          [folio.flags & 1 ? 'dirty' : '', folio.flags & 2 ? 'uptodate' : ''].filter(Boolean).join(',') || 'clean';
        lines.push(
          `  index ${folio.index}: pfn ${hex(folio.pfn)} (${folio.address === null ? '?' : hex(folio.address)}) ${flags}`,
        );
      }
      return lines;
    }
    case 'kexec-metadata':
      return [
        `previous kernel ${user.previousRelease}, kexec #${user.kexecCount} since cold boot (metadata v${user.version})`,
      ];
  }
}
