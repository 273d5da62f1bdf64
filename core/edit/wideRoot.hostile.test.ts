import { describe, expect, it } from 'vitest';
import { emptyFdtDocument, readFdt, writeFdt, type FdtNode } from '../fdt';
import { cstr, fdtBlob, u64le } from '../kho/discover/testing/khoTestImage';
import { decodeKhoGraph } from '../kho/decode/decodeKhoGraph';
import { graphToJson } from '../kho/render/graphToJson';
import { renderGraphDts } from '../kho/render/renderGraphDts';
import { renderGraphText } from '../kho/render/renderGraphText';
import { openImage } from '../mem/openImage';
import { BytesSource } from '../mem/sources/BytesSource';
import { elfFile } from '../mem/testing/NodeContainerImages';
import { editStateFromGraph } from './editStateFromGraph';
import { planEdit } from './reencode/planEdit';
import { applyValueChanges, patchBlob } from './reencode/valueChanges';

/**
 * Issue 14's giants: a kho-v1 root with 12,000 children, all pointing at one
 * sub-FDT. Every stage must be linear in the width; the quadratic versions
 * took 5.6 s (text), 10 s (DTS), 6.6 s (edit state) and 35 s (no-op plan)
 * at this size. The bound is generous (a loaded machine) and still far
 * below any quadratic cost.
 */
const CHILDREN = 12_000;
const BOUND_MS = 3000;

function wideRootDocument() {
  const children: FdtNode[] = Array.from({ length: CHILDREN }, (_, i) => ({
    name: `c${i}`,
    properties: [{ name: 'fdt', value: u64le(0x8000) }],
    children: [],
  }));
  const doc = emptyFdtDocument();
  doc.root = { name: '', properties: [{ name: 'compatible', value: cstr('kho-v1') }], children };
  return doc;
}

async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe('a root with 12,000 children', () => {
  it('patches and rewrites 12,000 values in linear time', async () => {
    const doc = wideRootDocument();
    const blob = writeFdt(doc);
    const changes = doc.root.children.map((child) => ({
      node: `/${child.name}`,
      property: 'fdt',
      value: u64le(0x9000),
    }));
    const patched = await timed(() => patchBlob('wide', blob, changes));
    expect(patched.ms).toBeLessThan(BOUND_MS);
    const reread = readFdt(patched.value).toDocument();
    expect(reread.root.children.every((child) => child.properties[0].value[1] === 0x90)).toBe(true);
    const applied = await timed(() => applyValueChanges(doc, changes));
    expect(applied.ms).toBeLessThan(BOUND_MS);
    expect(applied.value.root.children[CHILDREN - 1].properties[0].value[1]).toBe(0x90);
    expect(doc.root.children[0].properties[0].value[1]).toBe(0x80);
  });

  it('decodes, renders in every format and plans a no-op edit, each stage in linear time', async () => {
    const pages = new Map<number, Uint8Array>();
    const page = (bytes: Uint8Array) => {
      const out = new Uint8Array(Math.ceil(bytes.length / 4096) * 4096);
      out.set(bytes);
      return out;
    };
    pages.set(0x8000, page(fdtBlob('sub-v1')));
    const root = page(writeFdt(wideRootDocument()));
    for (let at = 0; at < root.length; at += 4096) pages.set(0x10000 + at, root.subarray(at, at + 4096));
    const bytes = elfFile({ pageSize: 4096, ranges: [{ start: 0, end: 64 << 20 }], pages }, 64, true);
    const image = await openImage(new BytesSource(bytes, 'wide.elf'));
    if (image.kind !== 'memory') throw new Error('an ELF core opens as memory');
    const decoded = await timed(() => decodeKhoGraph(image));
    const graph = decoded.value;
    expect(graph.links.length).toBeGreaterThanOrEqual(CHILDREN);
    const stages = {
      decode: decoded.ms,
      text: (await timed(() => renderGraphText(graph))).ms,
      json: (await timed(() => graphToJson(graph))).ms,
      dts: (await timed(() => renderGraphDts(graph))).ms,
    };
    const state = await timed(() => editStateFromGraph(graph));
    const plan = await timed(() => planEdit(image.memory, graph, state.value));
    expect(plan.value.pages.size).toBe(0);
    const all = { ...stages, editState: state.ms, plan: plan.ms };
    for (const [stage, ms] of Object.entries(all))
      expect(ms, `${stage}: ${JSON.stringify(all)}`).toBeLessThan(BOUND_MS);
  }, 60_000);
});
