import type { CenterTab } from '../state/uiStore';

/**
 * Where a tour step points, in the words of the decoded graph (so a tour
 * file needs no internal ids beyond fragment addresses and node paths):
 *
 * - `{ fragment }` — a fragment (its card, outline row and bytes);
 * - `{ fragment, node }` — a node by path inside it (`/memblock`);
 * - `{ fragment, node, property }` — a property or raw-struct field;
 * - `{ link }` — a link by id: `<fragment>:<node>:<property>` of its pointer;
 * - `{ diagnostic, fragment? }` — the first diagnostic with that code
 *   (at that fragment, when given);
 * - `{ memory, length }` — physical bytes (`memory` as a `0x…` string).
 */
export type TourPlace =
  | { fragment: string; node?: string; property?: string }
  | { link: string }
  | { diagnostic: string; fragment?: string }
  | { memory: string; length: number };

/** Where a step's explanation comes from: a kernel header or document, or a rule of the seed design. */
export interface TourSource {
  /** What it is: `include/linux/kexec_handover.h`, `Documentation/core-api/kho/concepts.rst`, `seed design: page lists`. */
  label: string;
  /** A public URL for it (kernel.org, lore), when there is one. */
  url?: string;
}

/** One stop of a tour. */
export interface TourStep {
  title: string;
  /** Two or three plain sentences. */
  text: string;
  place: TourPlace;
  /** The centre view that shows the place best (the graph when not given). */
  view: CenterTab;
  /** The kernel structure or seed-design rule the step shows. */
  source: TourSource;
}

/** A guided walk over one demo image (one JSON file per tour in app/tours/data/, see docs/tours.md). */
export interface Tour {
  /** Stable id: file name, URL `?tour=` and the command `tour.start.<id>`. */
  id: string;
  title: string;
  /** The gallery demo it walks (`?demo=`). */
  demo: string;
  /** One sentence shown before the first step and in the palette. */
  summary: string;
  steps: readonly TourStep[];
}
