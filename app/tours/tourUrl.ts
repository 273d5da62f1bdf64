import type { Tour } from './Tour';

/**
 * The query string for a tour step: `?demo=<demo>&tour=<id>&step=<n>`, `n`
 * counting from 1 as people do; other parameters are kept. Without a tour,
 * `tour` and `step` are removed (the demo stays).
 */
export function tourUrl(search: string, tour: Tour | null, step: number): string {
  const params = new URLSearchParams(search);
  if (tour) {
    params.set('demo', tour.demo);
    params.set('tour', tour.id);
    params.set('step', String(step + 1));
  } else {
    params.delete('tour');
    params.delete('step');
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The tour and step (0-based) a query string asks for; a missing or unreadable step is the first. */
export function tourFromUrl(search: string): { tour: string; step: number } | null {
  const params = new URLSearchParams(search);
  const tour = params.get('tour');
  if (!tour) return null;
  const step = Number(params.get('step') ?? '1');
  return { tour, step: Number.isInteger(step) && step >= 1 ? step - 1 : 0 };
}
