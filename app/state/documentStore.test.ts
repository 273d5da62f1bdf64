import { beforeEach, describe, expect, it } from 'vitest';
import { type KhoGraph, noKernelFacts } from '../../core/kho';
import type { LoadProblem } from '../model/LoadProblem';
import { readyView } from '../testing/readyView';
import { useDocumentStore, type DocumentView } from './documentStore';

const graph = { fragments: [], diagnostics: [], kernel: noKernelFacts('a test graph') } as unknown as KhoGraph;
const problem: LoadProblem = { headline: 'bad', reason: 'r', where: null, hint: 'h', firstBytes: '' };
const store = () => useDocumentStore.getState();
const ready = (label: string): DocumentView => readyView(label, graph);

describe('documentStore', () => {
  beforeEach(() => store().close());

  it('goes from opening to the answer of the newest request only', () => {
    const first = store().startOpening('slow.elf', {});
    const second = store().startOpening('fast.elf', { pageSize: 16384 });
    expect(store()).toMatchObject({ status: 'opening', label: 'fast.elf', plan: { pageSize: 16384 } });
    expect(store().finishOpening(second, ready('fast.elf'))).toBe(true);
    expect(store().finishOpening(first, { ...ready('slow.elf'), status: 'error', problem })).toBe(false);
    expect(store()).toMatchObject({ status: 'ready', label: 'fast.elf', graph });
  });

  it('drops answers that arrive after close', () => {
    const request = store().startOpening('a.elf', {});
    store().close();
    expect(store().finishOpening(request, ready('a.elf'))).toBe(false);
    expect(store()).toMatchObject({ status: 'empty', label: null, graph: null });
  });

  it('goes back to what was shown when an open is cancelled, and says so', () => {
    const first = store().startOpening('a.elf', {});
    store().finishOpening(first, ready('a.elf'));
    const second = store().startOpening('huge.raw', {});
    // Another open started during the first cancel keeps the original "before".
    const third = store().startOpening('huge.raw', { listAllFdts: true });
    expect(store().cancelOpening(second)).toBe(false);
    expect(store().cancelOpening(third)).toBe(true);
    expect(store()).toMatchObject({
      status: 'ready',
      label: 'a.elf',
      graph,
      notice: 'Opening huge.raw was cancelled.',
    });
  });

  it('cancelling the very first open returns to the start screen', () => {
    const request = store().startOpening('huge.raw', {});
    store().cancelOpening(request);
    expect(store()).toMatchObject({ status: 'empty', label: null, notice: 'Opening huge.raw was cancelled.' });
    store().dismissNotice();
    expect(store().notice).toBeNull();
  });
});
