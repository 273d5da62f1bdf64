import type { KhoGraph } from '../../core/kho';
import { selectionKey } from '../explore/selectionKey';
import { formatHex } from '../format/formatHex';
import { searchEntriesOf } from './buildSearchEntries';
import { parseQuery } from './parseQuery';
import { TextMatches } from './TextMatches';
import type { SearchResult } from './SearchEntry';
import { ADDRESS_LIMIT } from '../../core/bytes';

const narrowings = new WeakMap<KhoGraph, TextMatches>();

/** The last plain-text matches of `graph`'s search. */
function textMatchesOf(graph: KhoGraph): TextMatches {
  let matches = narrowings.get(graph);
  if (!matches) {
    matches = new TextMatches();
    narrowings.set(graph, matches);
  }
  return matches;
}

/** Most results listed (a one-letter query can match everything). */
export const MAX_RESULTS = 200;

/**
 * Searches a graph for what the user typed: names, paths, compatibles and
 * text values by substring; a number (`0x1847000` or decimal) also finds the
 * fragment at or around that address and every value that holds it in
 * either byte order. The fragment at the address comes first, then values
 * holding the number, names, text values, and fragments the address falls
 * inside. Each thing is listed once. Typing on narrows: a plain-text query
 * that contains the last one looks only at the entries that one matched
 * (`TextMatches`).
 */
export function searchGraph(graph: KhoGraph, raw: string): SearchResult[] {
  const query = parseQuery(raw);
  if (query.text === '') return [];
  const entries = searchEntriesOf(graph);
  const narrowing = textMatchesOf(graph);
  // Plain text narrows from the last plain-text query; a number also matches by value, so it scans all.
  const candidates = query.number === null ? narrowing.candidates(query.text) : null;
  const matched: number[] = [];
  const tiers: SearchResult[][] = [[], [], [], [], []];
  const count = candidates?.length ?? entries.length;
  for (let at = 0; at < count; at++) {
    const index = candidates ? candidates[at] : at;
    const entry = entries[index];
    const number =
      query.number === null ? undefined : entry.numbers.find((candidate) => candidate.value === query.number);
    if (number) {
      if (number.how === 'address')
        tiers[0].push({
          selection: entry.selection,
          title: entry.title,
          context: entry.context,
          reason: 'at this address',
        });
      else
        tiers[1].push({
          selection: entry.selection,
          title: entry.title,
          context: entry.context,
          reason: `holds it as ${number.how}`,
        });
      continue;
    }
    const text = entry.texts.findIndex((candidate) => candidate.includes(query.text));
    if (text >= 0) matched.push(index);
    if (text === 0) {
      tiers[2].push({ selection: entry.selection, title: entry.title, context: entry.context, reason: 'name' });
      continue;
    }
    if (text > 0) {
      tiers[3].push({ selection: entry.selection, title: entry.title, context: entry.context, reason: 'text' });
      continue;
    }
    if (query.number !== null && query.number < ADDRESS_LIMIT) {
      const address = Number(query.number);
      const extent = entry.extents.find((candidate) => candidate.start <= address && address < candidate.end);
      if (extent)
        tiers[4].push({
          selection: entry.selection,
          title: entry.title,
          context: entry.context,
          reason: `contains ${formatHex(address)}`,
        });
    }
  }
  if (query.number === null) narrowing.remember(query.text, matched);
  else narrowing.forget();
  const seen = new Set<string>();
  const results: SearchResult[] = [];
  for (const result of tiers.flat()) {
    const key = selectionKey(result.selection);
    if (seen.has(key)) continue;
    seen.add(key);
    results.push(result);
    if (results.length === MAX_RESULTS) break;
  }
  return results;
}
