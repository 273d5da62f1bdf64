import { hex } from '../../bytes/readers';
import type { FeatureHeader, MemfdFolio, SystemdFdOwner, UserContent } from '../model/UserContent';

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
      if (user.features) lines.push(`  ${describeFeatures(user.features)}`);
      for (const session of user.sessions) {
        const systemd = session.systemd;
        const mapping = systemd
          ? `; systemd's fd stores (mapping ${systemd.version === null ? 'unversioned' : `v${systemd.version}`}${systemd.kexecsCount === null ? '' : `, ${systemd.kexecsCount} kexec(s) so far`})`
          : '';
        lines.push(`  session "${session.name}": ${session.fileCount} file(s)${mapping}`);
        for (const file of session.files) {
          const owner = file.owner ? ` = ${describeOwner(file.owner)}` : '';
          lines.push(`    file ${file.compatible}: token ${hex(file.token)}, data ${hex(file.data)}${owner}`);
        }
        for (const entry of systemd?.entries ?? [])
          if (entry.type !== 'fd')
            lines.push(`    ${entry.unit} fd "${entry.name}": ${entry.type} ${entry.sessionName ?? '?'}`);
      }
      for (const flb of user.flbs) lines.push(`  FLB "${flb.name}": data ${hex(flb.data)}, ${flb.count} file(s)`);
      return lines;
    }
    case 'memfd': {
      const seals = user.seals === null ? '' : `, seals ${hex(user.seals)}`;
      const lines = [
        `memfd (${user.handler}): size ${hex(user.size)}, pos ${hex(user.pos)}${seals}, ${user.nrFolios} folio(s)`,
      ];
      if (user.features) lines.push(`  ${describeFeatures(user.features)}`);
      return [...lines, ...describeFolios(user.folios)];
    }
    case 'guest-memfd':
      return [
        `guest_memfd (${user.handler}): size ${hex(user.size)}, flags ${user.flagNames.join(',') || 'none'}, VM token ${hex(user.vmToken)}, ${user.nrFolios} folio(s)`,
        ...describeFolios(user.folios),
      ];
    case 'pci':
      return [
        `PCI (${user.handler}${user.version === null ? '' : ` v${user.version}`}): ${user.maxDevices === null ? `${user.devices.length} device(s)` : `${user.devices.length} of ${user.maxDevices} device slot(s) used`}`,
        ...user.devices.map(
          (d) =>
            `  ${d.domain.toString(16).padStart(4, '0')}:${d.bus.toString(16).padStart(2, '0')}:${d.device.toString(16).padStart(2, '0')}.${d.function}${d.refcount === null ? '' : ` refcount ${d.refcount}`}`,
        ),
      ];
    case 'kexec-metadata':
      return [
        `previous kernel ${user.previousRelease}, kexec #${user.kexecCount} since cold boot (metadata v${user.version})`,
      ];
  }
}

/** Whose a file of systemd's session is: `nginx.service fd "state"`, or the mapping itself. */
export function describeOwner(owner: SystemdFdOwner): string {
  return owner.unit === 'systemd' && owner.name === 'mapping'
    ? "systemd's mapping of fds to units"
    : `${owner.unit} fd "${owner.name}"`;
}

/** A feature header in one line: each set bit by name with its supported/required/active marks. */
export function describeFeatures(features: FeatureHeader): string {
  const bits = features.bits.map(
    (bit) =>
      `${bit.name ?? `bit ${bit.bit}`}[${[bit.supported ? 'supp' : '', bit.required ? 'req' : '', bit.active ? 'active' : ''].filter(Boolean).join(',')}]`,
  );
  return `features: ${bits.join(' ') || 'none'}`;
}

function describeFolios(folios: readonly MemfdFolio[]): string[] {
  return folios.map(
    (folio) =>
      `  index ${folio.index}: pfn ${hex(folio.pfn)} (${folio.address === null ? '?' : hex(folio.address)}) ${folio.state.join(',') || 'clean'}`,
  );
}
