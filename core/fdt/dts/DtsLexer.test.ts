import { describe, expect, it } from 'vitest';
import { DtsError } from './DtsError';
import { DtsLexer } from './DtsLexer';
import type { DtsToken } from './DtsToken';

function tokens(text: string): DtsToken[] {
  const lexer = new DtsLexer(text);
  const all: DtsToken[] = [];
  for (let token = lexer.next(); token.kind !== 'end'; token = lexer.next()) all.push(token);
  return all;
}

const kinds = (text: string): string[] => tokens(text).map((token) => `${token.kind}:${token.text}`);

describe('DtsLexer', () => {
  it('reads a word after { or ; as a name, and as a number elsewhere', () => {
    expect(kinds('/dts-v1/; / { 1; #size-cells = <1>; };')).toEqual([
      'dts-v1:/dts-v1/',
      'punct:;',
      'punct:/',
      'punct:{',
      'name:1',
      'punct:;',
      'name:#size-cells',
      'punct:=',
      'punct:<',
      'integer:1',
      'punct:>',
      'punct:;',
      'punct:}',
      'punct:;',
    ]);
  });

  it('prefers a label to a name (longest match) and strips a leading backslash from names', () => {
    expect(kinds('{ lbl: node; \\x;')).toEqual([
      'punct:{',
      'label:lbl:',
      'name:node',
      'punct:;',
      'name:\\x',
      'punct:;',
    ]);
    expect(tokens('{ \\x;')[1].value).toBe('x');
  });

  it('reads pairs of hex digits and labels inside [ ], and leaves that state at ]', () => {
    expect(kinds('/dts-v1/ [0102 ab: 0A] 10')).toEqual([
      'dts-v1:/dts-v1/',
      'punct:[',
      'byte:01',
      'byte:02',
      'label:ab:',
      'byte:0A',
      'punct:]',
      'integer:10',
    ]);
  });

  it('reads references, operators and keywords', () => {
    expect(kinds('/dts-v1/ &lbl &{/a@1/b} << >= && /bits/ /delete-node/ x')).toEqual([
      'dts-v1:/dts-v1/',
      'ref:&lbl',
      'ref:&{/a@1/b}',
      'punct:<<',
      'punct:>=',
      'punct:&&',
      'bits:/bits/',
      'delete-node:/delete-node/',
      'name:x',
    ]);
    expect(tokens('&{/a/b}')[0].value).toBe('/a/b');
  });

  it('reads integer literals the way strtoull(…, 0) does, with U/L suffixes', () => {
    const values = tokens('/dts-v1/ 10 010 0x1F 0X10 7ULL 18446744073709551615').map((token) => token.integer);
    expect(values).toEqual([0n, 10n, 8n, 31n, 16n, 7n, (1n << 64n) - 1n]);
  });

  it('decodes strings and character literals with C escapes', () => {
    const [string] = tokens('"a\\tb\\x41\\101\\0\\q"');
    expect([...string.bytes]).toEqual([0x61, 0x09, 0x62, 0x41, 0x41, 0, 0x71, 0]);
    expect(tokens("'\\n' '\\''").map((token) => token.integer)).toEqual([10n, 39n]);
    expect([...tokens('"é"')[0].bytes]).toEqual([0xc3, 0xa9, 0]);
  });

  it('ends a character literal at the longest match, as flex does', () => {
    // The first inner quote is escaped, so the literal runs on to the next
    // quote: 'a\', ' is one token of four characters.
    expect(() => tokens("'a\\', 'b'")).toThrow('line 1, column 1: character literal has 4 bytes instead of 1');
  });

  it('skips comments, white space and cpp line markers, and tracks lines and columns', () => {
    const all = tokens('/* one\n two */ a // three\n# 4 "file.dts" 1\n  b');
    expect(all.map((token) => [token.text, token.at.line, token.at.column])).toEqual([
      ['a', 2, 9],
      ['b', 4, 3],
    ]);
  });

  it.each([
    ['"open', 'string has no closing'],
    ['"a\\\nb"', 'string has no closing'],
    ["'x", 'character literal has no closing'],
    ['/* open', "comment has no closing '*/'"],
    ['a // last line', 'must end with a line break'],
    ['/include/ "x.dtsi"', '/include/ is not supported'],
    ['/dts-v1/ 08', "bad integer literal '08'"],
    ['/dts-v1/ 0x10000000000000000', 'out of range'],
    ["''", 'empty character literal'],
    ["'ab'", 'character literal has 2 bytes'],
    ['"\\x"', '\\x must be followed by a hex digit'],
  ])('rejects %j', (text, reason) => {
    expect(() => tokens(text)).toThrow(DtsError);
    expect(() => tokens(text)).toThrow(reason);
  });
});
