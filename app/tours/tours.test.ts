import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeKhoGraph, type KhoGraph } from '../../core/kho';
import { BytesSource, openImage } from '../../core/mem';
import { APP_COMMANDS } from '../commands/appCommands';
import { CENTER_TABS } from '../state/uiStore';
import { findCommand, registerCommands } from '../commands/commandRegistry';
import { parseTour, TOUR_LIMITS, TourFormatError } from './parseTour';
import { resolveTourPlace } from './resolveTourPlace';
import { TOURS } from './tours';
import { tourFromUrl, tourUrl } from './tourUrl';
import { TOUR_COMMANDS } from './useTourCommands';

const root = resolve(import.meta.dirname, '..', '..');
const folder = join(root, 'app', 'tours', 'data');
const manifest = JSON.parse(readFileSync(join(root, 'public', 'demos', 'index.json'), 'utf8')) as {
  id: string;
  file: string;
}[];

const graphs = new Map<string, Promise<KhoGraph>>();
/** The demo's graph as the explorer decodes it (root discovery; every root with a positive rank). */
function demoGraph(id: string): Promise<KhoGraph> {
  let graph = graphs.get(id);
  if (!graph) {
    const entry = manifest.find((demo) => demo.id === id)!;
    const bytes = new Uint8Array(readFileSync(join(root, 'public', 'demos', entry.file)));
    graph = openImage(new BytesSource(bytes, entry.file)).then((image) => decodeKhoGraph(image));
    graphs.set(id, graph);
  }
  return graph;
}

describe('tour files', () => {
  const files = readdirSync(folder).filter((name) => name.endsWith('.json'));

  it('are all loaded, one tour per file named NN-<id>.json, ids unique', () => {
    expect(TOURS.map((tour) => tour.id)).toEqual(files.sort().map((name) => name.replace(/^\d\d-|\.json$/g, '')));
    for (const name of files) expect(name).toMatch(/^\d\d-[a-z0-9-]+\.json$/);
    expect(new Set(TOURS.map((tour) => tour.id)).size).toBe(TOURS.length);
  });

  it('include the four tours the explorer teaches with', () => {
    expect(TOURS.map((tour) => [tour.id, tour.demo])).toEqual([
      ['seed-recursive-fdt', 'seed-example'],
      ['anchor-pages', 'anchored-root'],
      ['mainline-kho-v4', 'linux-7-3'],
      ['what-can-go-wrong', 'broken'],
    ]);
  });

  for (const tour of TOURS) {
    describe(tour.id, () => {
      it('walks a demo the gallery ships', () => {
        expect(manifest.map((demo) => demo.id)).toContain(tour.demo);
      });

      it('explains each step in two or three sentences and names its source', () => {
        for (const step of tour.steps) {
          const sentences = step.text.split(/(?<=[.!?])\s+(?=[A-Z0-9])/).length;
          expect(sentences, `${step.title}: ${step.text}`).toBeGreaterThanOrEqual(1);
          expect(sentences, `${step.title}: ${step.text}`).toBeLessThanOrEqual(3);
          expect(step.source.label.length).toBeGreaterThan(5);
        }
      });

      it('points every step at a place the demo really has', async () => {
        const graph = await demoGraph(tour.demo);
        for (const step of tour.steps) {
          const target = resolveTourPlace(graph, step.place);
          expect(typeof target === 'string' ? target : 'found', step.title).toBe('found');
        }
      });
    });
  }
});

describe('the broken-demo tour', () => {
  it('has a step on every diagnostic code the broken demo shows', async () => {
    const tour = TOURS.find((candidate) => candidate.id === 'what-can-go-wrong')!;
    expect(tour.demo).toBe('broken');
    const graph = await demoGraph(tour.demo);
    const stepped = new Set(tour.steps.map((step) => ('diagnostic' in step.place ? step.place.diagnostic : null)));
    const shown = [...new Set(graph.diagnostics.map((diagnostic) => diagnostic.code))].sort();
    // A code the demo shows without a step: add one to app/tours/data/04-what-can-go-wrong.json (docs/tours.md).
    expect(shown.filter((code) => !stepped.has(code))).toEqual([]);
    expect(shown.length).toBeGreaterThanOrEqual(43);
  });
});

describe('parseTour', () => {
  const step = {
    title: 'A step',
    text: 'One sentence.',
    place: { fragment: '0x1000' },
    source: { label: 'a header' },
  };
  const tour = { id: 'a-tour', title: 'A tour', demo: 'kho-v4', summary: 'What it shows.', steps: [step] };

  it('reads a tour and defaults the view to the graph', () => {
    expect(parseTour(tour, 'x.json').steps[0].view).toBe('graph');
  });

  it('names every problem with its place in the file', () => {
    const bad = {
      ...tour,
      id: 'Bad Id',
      extra: 1,
      steps: [
        { ...step, view: 'sideways', place: { fragment: '4096' } },
        { ...step, place: { memory: '0x1000', length: 0 }, source: { label: 'x', url: 'http://a' } },
        { ...step, place: { nothing: true } },
      ],
    };
    let error: unknown;
    try {
      parseTour(bad, 'bad.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TourFormatError);
    const problems = (error as TourFormatError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'extra: unknown field (allowed: id, title, demo, summary, steps)',
        'id: "Bad Id" must be lower-case words joined by dashes',
        'steps[0].place.fragment: "4096" must be a lower-case 0x… address',
        `steps[0].view: "sideways" is not one of ${CENTER_TABS.join(', ')}`,
        'steps[1].place.length: must be a whole number of bytes from 1 to 1 MiB',
        'steps[1].source.url: must be an https:// address',
        'steps[2].place: needs one of fragment, link, diagnostic or memory',
      ]),
    );
    expect((error as Error).message).toMatch(/^bad\.json: /);
  });

  it('refuses a tour without steps, or with too many', () => {
    expect(() => parseTour({ ...tour, steps: [] }, 'x.json')).toThrow(/steps: must be a non-empty list/);
    expect(() => parseTour({ ...tour, steps: Array(TOUR_LIMITS.maxSteps + 1).fill(step) }, 'x.json')).toThrow(
      `at most ${TOUR_LIMITS.maxSteps}`,
    );
    expect(TOUR_LIMITS.maxSteps).toBe(60);
  });
});

describe('tour links', () => {
  const tour = TOURS[0];

  it('put demo, tour and the step counted from 1 in the query, keeping other parameters', () => {
    expect(tourUrl('?x=1', tour, 2)).toBe(`?x=1&demo=${tour.demo}&tour=${tour.id}&step=3`);
    expect(tourUrl(`?demo=${tour.demo}&tour=${tour.id}&step=3`, null, 0)).toBe(`?demo=${tour.demo}`);
  });

  it('read back the tour and a 0-based step; a bad step is the first', () => {
    expect(tourFromUrl('?demo=a&tour=t&step=4')).toEqual({ tour: 't', step: 3 });
    expect(tourFromUrl('?tour=t&step=zero')).toEqual({ tour: 't', step: 0 });
    expect(tourFromUrl('?demo=a')).toBeNull();
  });
});

describe('tour commands', () => {
  it('start each tour by tour.start.<id>, move with the arrows, and clash with no app command', () => {
    const stop = registerCommands([...APP_COMMANDS, ...TOUR_COMMANDS]);
    for (const tour of TOURS) expect(findCommand(`tour.start.${tour.id}`)?.title).toBe(`Tour: ${tour.title}`);
    expect(findCommand('tour.next')?.keys).toEqual(['ArrowRight']);
    expect(findCommand('tour.previous')?.keys).toEqual(['ArrowLeft']);
    // Without a running tour they say so and do nothing.
    expect(findCommand('tour.next')?.unavailable?.()).toBe('No tour is running');
    stop();
  });
});
