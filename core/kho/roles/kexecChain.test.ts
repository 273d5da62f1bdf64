import { describe, expect, it } from 'vitest';
import { buildKexecChain, KEXEC_CHAIN } from '../../build/kexecChain';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import type { KhoGraph } from '../model/KhoGraph';
import type { LuoContent, MemfdContent } from '../model/UserContent';
import { judgeByRole } from './judgeByRole';

const { roots: at } = KEXEC_CHAIN;

function roleOf(graph: KhoGraph, address: number) {
  return graph.roots.find((root) => root.address === address)?.role;
}

/** The fragment a root's child node links to. */
function child(graph: KhoGraph, root: number, name: string) {
  const link = graph.links.find((l) => l.from.fragment === `0x${root.toString(16)}` && l.from.node === `/${name}`);
  return link?.to ? graph.fragments.find((f) => f.id === link.to) : undefined;
}

describe('roots across a kexec chain (builder-made images)', () => {
  it('two hops: A’s tree is B’s consumed incoming root, B’s own is outgoing, with the evidence', async () => {
    const graph = await decodeKhoGraph(buildKexecChain(2).memory);
    expect(graph.roots.map((r) => r.address).sort()).toEqual([at.A, at.B]);
    expect(roleOf(graph, at.B)).toMatchObject({ role: 'outgoing', liveUpdate: 2n, kexecCount: 2 });
    expect(roleOf(graph, at.B)?.evidence.join('\n')).toMatch(/preserves \d+ block\(s\), the root page among them/);
    expect(roleOf(graph, at.B)?.evidence).toContain('4 of 4 blob(s) preserved in it');
    const incoming = roleOf(graph, at.A)!;
    expect(incoming).toMatchObject({ role: 'incoming', liveUpdate: null, kexecCount: 1 });
    expect(incoming.evidence.join('\n')).toMatch(/preserves nothing: its pages are zeroed/);
    expect(incoming.evidence.join('\n')).toMatch(/1 blob\(s\) no longer hold what their link says/);
  });

  it('two hops: the raw decode reports the consumed tree’s problems; judged by role they are notes saying why', async () => {
    const graph = await decodeKhoGraph(buildKexecChain(2).memory);
    const raw = graph.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code);
    expect(raw).toContain('bad-magic');
    expect(raw).toContain('not-preserved');
    const judged = judgeByRole(graph);
    expect(judged.filter((d) => d.severity !== 'info')).toEqual([]);
    const badMagic = judged.find((d) => d.code === 'bad-magic')!;
    expect(badMagic.message).toMatch(
      /^expected in 0x100000, the incoming root, which this kernel consumed at boot \(map zeroed, blobs freed\); strictly an error: luo_ser compatible is "dentry c"/,
    );
    // Viewers label the note with its root and role, and keep the strict text for one-line lists.
    const strict = graph.diagnostics.find((d) => d.code === 'bad-magic')!;
    expect(badMagic.expected).toEqual({
      root: '0x100000',
      role: 'incoming',
      strictly: 'error',
      original: strict.message,
    });
    expect(judged.filter((d) => d.severity === 'info' && !d.expected).map((d) => d.code)).toEqual(
      graph.diagnostics.filter((d) => d.severity === 'info').map((d) => d.code),
    );
  });

  it('three hops: A is stale, B incoming, C outgoing; only C is judged', async () => {
    const graph = await decodeKhoGraph(buildKexecChain(3).memory);
    expect(roleOf(graph, at.C)?.role).toBe('outgoing');
    expect(roleOf(graph, at.B)?.role).toBe('incoming');
    expect(roleOf(graph, at.A)?.role).toBe('stale');
    expect(roleOf(graph, at.A)?.evidence).toContain('older than the incoming root (kexec #1 < kexec #2)');
    const judged = judgeByRole(graph);
    expect(judged.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(judged.filter((d) => d.message.startsWith('expected in 0x100000, a stale root')).length).toBeGreaterThan(0);
  });

  it('models what a real double kexec shows', async () => {
    const graph = await decodeKhoGraph(buildKexecChain(3).memory);
    // kho_test: preserved by A, only restored by B, saved fresh by C.
    expect(child(graph, at.A, 'kho_test')?.compatible).toBe('kho-test-v1');
    expect(child(graph, at.B, 'kho_test')).toBeUndefined();
    expect(child(graph, at.C, 'kho_test')?.compatible).toBe('kho-test-v1');
    // memblock blobs of consecutive kernels are byte-identical.
    const memblocks = [at.A, at.B, at.C].map((root) => child(graph, root, 'memblock')!.bytes);
    expect(memblocks[1]).toEqual(memblocks[0]);
    expect(memblocks[2]).toEqual(memblocks[1]);
    // memfd data pages keep their physical addresses across hops (A's and B's memfd_luo_ser are
    // only reachable before the next kernel frees their LUO blob, so each hop's own image is read).
    for (const hops of [1, 2, 3] as const) {
      const hop = await decodeKhoGraph(buildKexecChain(hops).memory);
      const memfds = hop.fragments.filter((f) => f.user?.user === 'memfd').map((f) => f.user as MemfdContent);
      expect(memfds).toHaveLength(1);
      expect(memfds[0].folios.map((f) => f.address)).toEqual(KEXEC_CHAIN.memfdFolios);
    }
    // B's tree holds a new session; C reuses the name of A's session, finished in B. Each LUO blob
    // is read in its own kernel's image: the next kernel frees it, and then it holds other data.
    const sessions = async (hops: 1 | 2 | 3, root: number) => {
      const hop = await decodeKhoGraph(buildKexecChain(hops).memory);
      return (child(hop, root, 'LUO')!.user as LuoContent).sessions.map((s) => s.name);
    };
    expect(await sessions(1, at.A)).toEqual(['vm']);
    expect(await sessions(2, at.B)).toEqual(['db']);
    expect(await sessions(3, at.C)).toEqual(['vm']);
    expect(child(graph, at.A, 'LUO')?.user).toBeNull();
    expect(child(graph, at.B, 'LUO')?.user).toBeNull();
  });

  it('before any kexec the one root is outgoing and the image is clean', async () => {
    const graph = await decodeKhoGraph(buildKexecChain(1).memory);
    expect(graph.roots.map((r) => r.role?.role)).toEqual(['outgoing']);
    expect(graph.diagnostics).toEqual([]);
  });

  it('a single outgoing root is judged exactly as before', async () => {
    const graph = await decodeKhoGraph(buildKexecChain(3).memory, { roots: [at.C] });
    expect(graph.roots.map((r) => r.role?.role)).toEqual(['outgoing']);
    expect(judgeByRole(graph)).toEqual(graph.diagnostics);
  });
});
