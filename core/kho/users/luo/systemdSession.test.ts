import { describe, expect, it } from 'vitest';
import { openImage } from '../../../mem/openImage';
import { BytesSource } from '../../../mem/sources/BytesSource';
import { buildSpecImage } from '../../../spec/buildSpecImage';
import { decodeKhoGraph } from '../../decode/decodeKhoGraph';
import { renderGraphText } from '../../render/renderGraphText';
import type { LuoContent } from '../../model/UserContent';
import { parseSystemdMapping } from './parseSystemdMapping';

/** systemd's mapping as src/core/luo.c reads it: two units, one with a session of its own. */
const MAPPING = JSON.stringify({
  version: 1,
  state: { kexecsCount: 2 },
  units: {
    'nginx.service': { fdstore: [{ type: 'fd', name: 'state', token: 1 }] },
    'qemu@vm1.service': {
      fdstore: [
        { type: 'fd', name: 'guest-ram', token: 2 },
        { type: 'luo_session', name: 'devices', sessionName: 'qemu@vm1.service/devices' },
      ],
    },
  },
});

/** A kho-v4 image whose LUO holds systemd's session: token 0 the mapping memfd, tokens 1 and 2 services' memfds. */
function systemdImage(mapping: string, tokens: number[] = [0, 1, 2]) {
  const memfd = (text: string) => ({
    struct: 'memfd',
    version: 2,
    size: `0x${text.length.toString(16)}`,
    folios: [{ index: 0, flags: 3, fill: { text } }],
  });
  const spec = {
    pageSize: 4096,
    container: 'elf',
    ram: [{ start: '0x100000', end: '0x2000000' }],
    fragments: {
      root: { tree: {} },
      luo: {
        struct: 'luo-ser',
        liveupdateNum: 3,
        sessions: [
          {
            name: 'systemd',
            files: tokens.map((token, i) => ({ compatible: 'memfd-v2', token, data: `memfd${i}` })),
          },
        ],
        flbs: [],
      },
      memfd0: memfd(mapping),
      memfd1: memfd('nginx state'),
      memfd2: memfd('guest ram'),
    },
    roots: [{ fragment: 'root', scheme: 'kho-v4' }],
    links: [{ from: 'root:/LUO', to: 'luo' }],
  };
  return buildSpecImage(JSON.stringify(spec), () => {
    throw new Error('no files');
  }).file;
}

async function decode(file: Uint8Array) {
  const graph = await decodeKhoGraph(await openImage(new BytesSource(file, 'systemd.elf')));
  const luo = graph.fragments.find((f) => f.user?.user === 'luo')?.user as LuoContent;
  return { graph, session: luo.sessions[0] };
}

describe("systemd's LUO session", () => {
  it('reads token 0 as the JSON mapping and names the unit and fd of every other token', async () => {
    const { graph, session } = await decode(systemdImage(MAPPING));
    expect(graph.diagnostics.filter((d) => d.code === 'systemd-mapping')).toEqual([]);
    expect(session.systemd).toMatchObject({
      version: 1,
      kexecsCount: 2,
      entries: [
        { unit: 'nginx.service', name: 'state', type: 'fd', token: 1n, sessionName: null },
        { unit: 'qemu@vm1.service', name: 'guest-ram', type: 'fd', token: 2n, sessionName: null },
        {
          unit: 'qemu@vm1.service',
          name: 'devices',
          type: 'luo_session',
          token: null,
          sessionName: 'qemu@vm1.service/devices',
        },
      ],
    });
    expect(session.files.map((f) => [f.token, f.owner])).toEqual([
      [0n, { unit: 'systemd', name: 'mapping' }],
      [1n, { unit: 'nginx.service', name: 'state' }],
      [2n, { unit: 'qemu@vm1.service', name: 'guest-ram' }],
    ]);
    const text = renderGraphText(graph);
    expect(text).toContain(`session "systemd": 3 file(s); systemd's fd stores (mapping v1, 2 kexec(s) so far)`);
    expect(text).toMatch(/file memfd-v2: token 0x2, data 0x[0-9a-f]+ = qemu@vm1\.service fd "guest-ram"/);
    expect(text).toContain(`qemu@vm1.service fd "devices": luo_session qemu@vm1.service/devices`);
  });

  it('says where the mapping is wrong: bad JSON, a token no file has', async () => {
    const broken = await decode(systemdImage('{"version": 1, "units": {'));
    expect(broken.session.systemd).toBeUndefined();
    expect(broken.graph.diagnostics.find((d) => d.code === 'systemd-mapping')).toMatchObject({
      severity: 'warning',
      message: expect.stringMatching(/^systemd's mapping: not valid JSON \(/),
    });
    const missing = await decode(systemdImage(MAPPING, [0, 1]));
    expect(missing.graph.diagnostics.filter((d) => d.code === 'systemd-mapping').map((d) => d.message)).toEqual([
      'systemd\'s mapping gives qemu@vm1.service fd "guest-ram" token 2, but session "systemd" holds no file with that token: systemd will not get it back',
    ]);
  });

  it('parses both forms systemd has written, and refuses what is not its shape in words', () => {
    expect(
      parseSystemdMapping('{"/system.slice/a.service": [{"type": "fd", "name": "x", "fd_index": 3}]}\n\0\0'),
    ).toEqual({
      mapping: {
        version: null,
        kexecsCount: null,
        entries: [{ unit: '/system.slice/a.service', name: 'x', type: 'fd', token: 3n, sessionName: null }],
      },
      problems: [],
    });
    expect(parseSystemdMapping('[1]').problems).toEqual(['not a JSON object, as systemd writes it']);
    expect(parseSystemdMapping('{"version": "1"}').problems).toEqual(['"version" is not a non-negative integer']);
    expect(
      parseSystemdMapping(
        JSON.stringify({
          version: 2,
          units: { 'a.service': { fdstore: [{ type: 'fd', name: 'm', token: 0 }, { name: 'n' }, 7] }, 'b.service': {} },
        }),
      ).problems,
    ).toEqual([
      'version 2 is newer than the 1 khoscope knows; read as 1',
      'a.service entry 0: fd "m" claims token 0, which is the mapping itself',
      'a.service entry 1: needs string "type" and "name"',
      'a.service entry 2: not a JSON object',
      'the fd store of b.service is not a JSON array',
    ]);
  });
});
