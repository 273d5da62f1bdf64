import type { DecodeContext } from '../decode/DecodeContext';
import type { Fragment } from '../model/Fragment';
import { RawStructReader } from '../raw/RawStructReader';

/** Bytes of the packed `kexec-metadata` blob (kho-format.md §6.5). */
export const KEXEC_METADATA_SIZE = 73;
/** `KHO_KEXEC_METADATA_VERSION`. */
export const KEXEC_METADATA_VERSION = 1;

/**
 * Decodes KHO's own `kexec-metadata` blob: u32 version, char[65] previous
 * release, u32 kexec count. A wrong size or an unknown version is reported;
 * whatever fits is still decoded with the version 1 layout.
 */
export function decodeKexecMetadata(ctx: DecodeContext, fragment: Fragment): void {
  const location = { fragment: fragment.id };
  const bytes = fragment.bytes;
  const reader = new RawStructReader(bytes);
  fragment.format = 'kexec-metadata';
  fragment.content = { kind: 'raw', format: 'kexec-metadata', fields: reader.fields };
  if (bytes.length < KEXEC_METADATA_SIZE) {
    ctx.diagnostics.error(
      'bad-size',
      `kexec-metadata is ${bytes.length} bytes; version 1 has ${KEXEC_METADATA_SIZE}`,
      location,
    );
    if (reader.has(0, 4)) reader.u32('version', 0);
    return;
  }
  if (bytes.length > KEXEC_METADATA_SIZE) {
    ctx.diagnostics.warning(
      'bad-size',
      `kexec-metadata is ${bytes.length} bytes; version 1 has ${KEXEC_METADATA_SIZE} (the rest is not decoded)`,
      location,
    );
  }
  const version = reader.u32('version', 0);
  const previousRelease = reader.string('previous_release', 4, 65);
  const kexecCount = reader.u32('kexec_count', 69);
  if (version !== KEXEC_METADATA_VERSION) {
    ctx.diagnostics.warning(
      'unknown-version',
      `kexec-metadata version ${version} is not known (only ${KEXEC_METADATA_VERSION}); decoded with the version 1 layout`,
      { ...location, property: 'version', offset: 0 },
    );
  }
  fragment.user = { user: 'kexec-metadata', version, previousRelease, kexecCount };
}
