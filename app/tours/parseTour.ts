import { CENTER_TABS, type CenterTab } from '../state/uiStore';
import type { Tour, TourPlace, TourSource, TourStep } from './Tour';

/** Limits for a tour file: tours are shipped with the app, but a bad one must fail loudly, not render a novel. */
export const TOUR_LIMITS = { maxSteps: 60, maxText: 700, maxTitle: 120 };

/** A tour file that does not follow docs/tours.md: every problem, each with its place in the file. */
export class TourFormatError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'TourFormatError';
  }
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HEX = /^0x[0-9a-f]+$/;

/**
 * Reads one tour file (parsed JSON) into a `Tour`, or throws a
 * `TourFormatError` listing every problem with its path
 * (`steps[3].place.fragment: ...`). Unknown keys are problems too, so a
 * misspelt field never silently does nothing.
 */
export function parseTour(json: unknown, file: string): Tour {
  const problems: string[] = [];
  const tour = readTour(json, problems);
  if (problems.length > 0 || !tour) throw new TourFormatError(file, problems);
  return tour;
}

type Problems = string[];

function readTour(json: unknown, problems: Problems): Tour | null {
  const object = record(json, 'tour', problems);
  if (!object) return null;
  onlyKeys(object, ['id', 'title', 'demo', 'summary', 'steps'], '', problems);
  const id = text(object.id, 'id', problems);
  if (id !== null && !ID.test(id)) problems.push(`id: "${id}" must be lower-case words joined by dashes`);
  const title = text(object.title, 'title', problems, TOUR_LIMITS.maxTitle);
  const demo = text(object.demo, 'demo', problems);
  const summary = text(object.summary, 'summary', problems, TOUR_LIMITS.maxText);
  const steps: TourStep[] = [];
  if (!Array.isArray(object.steps) || object.steps.length === 0) problems.push('steps: must be a non-empty list');
  else if (object.steps.length > TOUR_LIMITS.maxSteps) problems.push(`steps: at most ${TOUR_LIMITS.maxSteps}`);
  else
    object.steps.forEach((value, i) => {
      const step = readStep(value, `steps[${i}]`, problems);
      if (step) steps.push(step);
    });
  if (id === null || title === null || demo === null || summary === null) return null;
  return { id, title, demo, summary, steps };
}

function readStep(json: unknown, at: string, problems: Problems): TourStep | null {
  const object = record(json, at, problems);
  if (!object) return null;
  onlyKeys(object, ['title', 'text', 'place', 'view', 'source'], at, problems);
  const title = text(object.title, `${at}.title`, problems, TOUR_LIMITS.maxTitle);
  const body = text(object.text, `${at}.text`, problems, TOUR_LIMITS.maxText);
  const place = readPlace(object.place, `${at}.place`, problems);
  const view = object.view === undefined ? 'graph' : object.view;
  if (!CENTER_TABS.includes(view as CenterTab))
    problems.push(`${at}.view: "${String(view)}" is not one of ${CENTER_TABS.join(', ')}`);
  const source = readSource(object.source, `${at}.source`, problems);
  if (title === null || body === null || !place || !source || !CENTER_TABS.includes(view as CenterTab)) return null;
  return { title, text: body, place, view: view as CenterTab, source };
}

function readPlace(json: unknown, at: string, problems: Problems): TourPlace | null {
  const object = record(json, at, problems);
  if (!object) return null;
  if ('link' in object) {
    onlyKeys(object, ['link'], at, problems);
    const link = text(object.link, `${at}.link`, problems);
    return link === null ? null : { link };
  }
  if ('diagnostic' in object) {
    onlyKeys(object, ['diagnostic', 'fragment'], at, problems);
    const diagnostic = text(object.diagnostic, `${at}.diagnostic`, problems);
    const fragment = object.fragment === undefined ? undefined : address(object.fragment, `${at}.fragment`, problems);
    return diagnostic === null || fragment === null ? null : { diagnostic, ...(fragment ? { fragment } : {}) };
  }
  if ('memory' in object) {
    onlyKeys(object, ['memory', 'length'], at, problems);
    const memory = address(object.memory, `${at}.memory`, problems);
    const length = object.length;
    if (typeof length !== 'number' || !Number.isSafeInteger(length) || length <= 0 || length > 1 << 20) {
      problems.push(`${at}.length: must be a whole number of bytes from 1 to 1 MiB`);
      return null;
    }
    return memory === null ? null : { memory, length };
  }
  if ('fragment' in object) {
    onlyKeys(object, ['fragment', 'node', 'property'], at, problems);
    const fragment = address(object.fragment, `${at}.fragment`, problems);
    const node =
      object.node === undefined ? undefined : object.node === '' ? '' : text(object.node, `${at}.node`, problems);
    // Raw structs (LUO, memfd) have fields but no nodes: their node is ''.
    if (typeof node === 'string' && node !== '' && !node.startsWith('/'))
      problems.push(`${at}.node: a path starting with /, or '' for a raw struct's field`);
    const property = object.property === undefined ? undefined : text(object.property, `${at}.property`, problems);
    if (property !== undefined && node === undefined) problems.push(`${at}.property: needs a node`);
    if (fragment === null || node === null || property === null) return null;
    return { fragment, ...(node !== undefined ? { node } : {}), ...(property ? { property } : {}) };
  }
  problems.push(`${at}: needs one of fragment, link, diagnostic or memory`);
  return null;
}

function readSource(json: unknown, at: string, problems: Problems): TourSource | null {
  const object = record(json, at, problems);
  if (!object) return null;
  onlyKeys(object, ['label', 'url'], at, problems);
  const label = text(object.label, `${at}.label`, problems, TOUR_LIMITS.maxTitle);
  if (object.url === undefined) return label === null ? null : { label };
  const url = text(object.url, `${at}.url`, problems);
  if (url !== null && !url.startsWith('https://')) problems.push(`${at}.url: must be an https:// address`);
  return label === null || url === null ? null : { label, url };
}

function record(json: unknown, at: string, problems: Problems): Record<string, unknown> | null {
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) return json as Record<string, unknown>;
  problems.push(`${at}: must be an object`);
  return null;
}

function onlyKeys(object: Record<string, unknown>, allowed: readonly string[], at: string, problems: Problems): void {
  for (const key of Object.keys(object))
    if (!allowed.includes(key))
      problems.push(`${at ? `${at}.` : ''}${key}: unknown field (allowed: ${allowed.join(', ')})`);
}

function text(value: unknown, at: string, problems: Problems, max = 200): string | null {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${at}: must be a non-empty string`);
    return null;
  }
  if (value.length > max) {
    problems.push(`${at}: ${value.length} characters, at most ${max}`);
    return null;
  }
  return value;
}

function address(value: unknown, at: string, problems: Problems): string | null {
  const string = text(value, at, problems);
  if (string !== null && !HEX.test(string)) {
    problems.push(`${at}: "${string}" must be a lower-case 0x… address`);
    return null;
  }
  return string;
}
