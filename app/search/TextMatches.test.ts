import { describe, expect, it } from 'vitest';
import { syntheticGraph } from '../views/graph/testing/syntheticGraph';
import { searchGraph } from './searchGraph';
import { TextMatches } from './TextMatches';

describe('TextMatches', () => {
  it('narrows to the last matches only for a query containing the last text', () => {
    const matches = new TextMatches();
    expect(matches.candidates('us')).toBeNull();
    matches.remember('us', [3, 8, 13]);
    expect(matches.candidates('use')).toEqual([3, 8, 13]);
    expect(matches.candidates('bus')).toEqual([3, 8, 13]);
    expect(matches.candidates('u')).toBeNull();
    expect(matches.candidates('other')).toBeNull();
    matches.forget();
    expect(matches.candidates('use')).toBeNull();
  });
});

describe('searchGraph, typing on', () => {
  it('lists at every key what a fresh search lists, numbers in between included', () => {
    // Two copies of one graph: the first is searched key by key (narrowing), each query on a new copy afresh.
    const typed = syntheticGraph({ fragments: 2_000, seed: 11 });
    const fresh = () => syntheticGraph({ fragments: 2_000, seed: 11 });
    const typing = '/config';
    const queries = [...typing].map((_, i) => typing.slice(0, i + 1));
    // A number matches by value as well, so the text query after it must not narrow from it.
    queries.push('0x100001000', '0x1000010', '/c', '/co', 'config', 'g');
    for (const query of queries) expect(searchGraph(typed, query), query).toEqual(searchGraph(fresh(), query));
    expect(searchGraph(typed, '/config').length).toBeGreaterThan(0);
    expect(searchGraph(typed, '0x100001000').length).toBeGreaterThan(0);
  });
});
