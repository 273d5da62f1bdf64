import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FuzzFile, FuzzInput, FuzzTarget } from './FuzzInput';
import type { OutcomeKind } from './runTarget';

/** Where reproducers live: every one is a regression test (`fuzz/corpus.test.ts`). */
export const CORPUS_DIR = join(import.meta.dirname, 'corpus');

/** What a reproducer's JSON file says about its `.bin` twin. */
export interface CorpusEntry {
  /** Base name of the pair (`<family>-s<seed>-i<index>`). */
  name: string;
  family: string;
  seed: number;
  index: number;
  target: FuzzTarget;
  base?: number;
  /** Multi-file inputs (a debugfs set): the files the `.bin` holds back to back (`FuzzInput.files`). */
  files?: FuzzFile[];
  what: string;
  /** What the fuzzer saw when it kept this input. */
  found: { kind: OutcomeKind; message: string; date: string };
  /** Same-kind findings share a signature: the first line of the message with numbers blanked. */
  signature: string;
  /**
   * `fixed`: the defect is fixed. `open`: a finding nobody has fixed yet
   * (`openReason` says why). Both run in the regression test, which fails
   * until the input runs clean: an open finding is a failing test, not a skip.
   */
  status: 'fixed' | 'open';
  openReason?: string;
  /** What fixed it. */
  fixNote?: string;
}

/**
 * Groups findings of one cause: the first line of the message with every
 * number and hex value blanked. A hang, a slow input or a dead child says
 * nothing of where it was, so those are told apart by how the input was made.
 */
export function signatureOf(kind: OutcomeKind, message: string, input?: { family: string; what: string }): string {
  const blank = (text: string) => text.split('\n')[0].replace(/0x[0-9a-f]+|\d+/gi, '#');
  const where = input && (kind === 'hang' || kind === 'slow' || kind === 'out-of-memory');
  const first = where ? `${input.family}: ${blank(input.what).slice(0, 60)}` : blank(message);
  return `${kind}: ${first}`.slice(0, 200);
}

/** Every reproducer in the corpus. */
export function readCorpus(dir = CORPUS_DIR): Array<CorpusEntry & { bytes: Uint8Array }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const entry = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CorpusEntry;
      return { ...entry, bytes: new Uint8Array(readFileSync(join(dir, `${entry.name}.bin`))) };
    });
}

/** Writes a reproducer pair (new findings start `open`: someone must look at them). */
export function writeReproducer(
  input: FuzzInput,
  at: { family: string; seed: number; index: number },
  found: { kind: OutcomeKind; message: string },
  dir = CORPUS_DIR,
): CorpusEntry {
  mkdirSync(dir, { recursive: true });
  const name = `${at.family}-s${at.seed}-i${at.index}`;
  const entry: CorpusEntry = {
    name,
    ...at,
    target: input.target,
    base: input.base,
    files: input.files,
    what: input.what,
    found: { ...found, message: found.message.slice(0, 2000), date: new Date().toISOString() },
    signature: signatureOf(found.kind, found.message, { family: at.family, what: input.what }),
    status: 'open',
    openReason: 'new finding, not yet looked at',
  };
  writeFileSync(join(dir, `${name}.bin`), input.bytes);
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(entry, null, 2)}\n`);
  return entry;
}
