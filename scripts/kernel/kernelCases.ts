/**
 * The cases `npm run test:kernel` puts to a real Linux 7.3.4 kernel through
 * ../shared/tools/kexec-replay: each an edit of the image kernel A hands
 * over, what kernel B must do with it, and what `khoscope check` must say
 * about the edited image. Paths name things by path, never by address: the
 * guest differs from one boot to the next (kho_test's folios are random).
 */

/** What kernel B made of an edited image (the harness's verdict.json, the fields used here). */
export interface Verdict {
  edit_rc: number | null;
  edited_pages: string[];
  kernelB_booted: boolean;
  kho_revived: boolean;
  kernelB_done: boolean;
  kernelB_init_stage: number | null;
  kho_test_restored: boolean | null;
  luo_memfd_ok: boolean;
  luo_memfd_check: string;
  kho_errors: string[];
  kho_log: string[];
  kho_in_files: Record<string, string>;
  kernelB_panic: string[];
  errors: string[];
}

/** Everything a case's expectations may look at. */
export interface CaseResult {
  verdict: Verdict;
  /** `khoscope check --format json` of the edited image (null when the edit failed). */
  check: { errors: number; diagnostics: { severity: string; code: string; message: string }[] } | null;
  /** A file kernel B served under /sys/kernel/debug/kho/in (`sub_fdts/memblock`), or null. */
  khoIn(name: string): Buffer | null;
}

/** One question to the kernel. */
export interface KernelCase {
  name: string;
  /** The harness's `--edit` command (`{in}`, `{out}`, `{dir}` are substituted shell-quoted). */
  edit: string;
  /** True when kernel B must accept the image fully (the control run's verdict). */
  accepted: boolean;
  /**
   * Set when check must call the image broken although kernel B boots it
   * without complaint, and says why (the kernel takes it silently and the
   * trouble comes later).
   */
  silentInKernel?: string;
  /** Checks of the case's own (kernel B's view of the edit, check's wording); each returns a failure or null. */
  expect: ((result: CaseResult) => string | null)[];
}

/** The harness's definition of "kernel B accepted the image fully" (its README), as a list of what fell short. */
export function shortfalls(verdict: Verdict): string[] {
  const short: string[] = [];
  if (!verdict.kernelB_booted) short.push('kernel B did not boot');
  if (!verdict.kho_revived) short.push('kernel B did not revive the handover');
  if (!verdict.kernelB_done) short.push("kernel B's /init did not finish");
  if (verdict.kernelB_init_stage !== 2) short.push(`kernel B's /init ran stage ${verdict.kernelB_init_stage}`);
  if (verdict.kho_test_restored !== true) short.push(`kho_test restored: ${verdict.kho_test_restored}`);
  if (!verdict.luo_memfd_ok) short.push(`memfd: ${verdict.luo_memfd_check}`);
  for (const region of ['demo1', 'demo2'])
    if (!verdict.kho_log.some((line) => line.includes(`Revived memory reservation '${region}'`)))
      short.push(`reserve_mem ${region} not revived`);
  short.push(...verdict.kho_errors.map((line) => `kernel B: ${line.trim()}`));
  short.push(...verdict.errors.map((line) => `run: ${line}`));
  return short;
}

const EDIT = 'npx khoscope edit {in} -o {out}';
const POKE = 'node bin/run-ts.js scripts/kernel/pokeU64.ts {in} {out}';

/** `name` must be a file kernel B received under kho/in. */
const received = (name: string) => (r: CaseResult) =>
  r.verdict.kho_in_files[name] ? null : `kho/in has no ${name}: ${Object.keys(r.verdict.kho_in_files).join(', ')}`;

/** `name` must not be a file kernel B received under kho/in. */
const notReceived = (name: string) => (r: CaseResult) =>
  r.verdict.kho_in_files[name] ? `kho/in still has ${name}` : null;

/** `text` must appear in kho/in's `name`. */
const receivedWith = (name: string, text: string) => (r: CaseResult) =>
  r.khoIn(name)?.includes(text) ? null : `kho/in ${name} does not hold "${text}"`;

/** check must report an error whose code is `code` and whose words match `words`. */
const checkSays = (code: string, words: RegExp) => (r: CaseResult) =>
  r.check?.diagnostics.some((d) => d.severity === 'error' && d.code === code && words.test(d.message))
    ? null
    : `check reported no ${code} error matching ${words}`;

/** The DTS of the fragment `--add-fragment` adds (written by the suite into its run folder). */
export const EXTRA_FRAGMENT_DTS =
  '/dts-v1/;\n/ {\n\tcompatible = "khoscope-extra-v1";\n\tnote = "added by khoscope";\n};\n';

/**
 * The cases, in the order they run. Edits the format allows, which kernel B
 * must accept, then images that check must call broken, each one kernel B
 * rejects or mis-restores (issue 15, "Checks that agree with the kernel").
 * Split and inline are not here: under a mainline root the only node that
 * could be split is a root child without a pointer, which the kernel never
 * writes, so `khoscope edit` refuses both (the suite checks the refusal
 * without booting anything).
 */
export function kernelCases(extraDts: string): KernelCase[] {
  return [
    {
      name: 'no-op',
      edit: EDIT,
      accepted: true,
      expect: [(r) => (r.verdict.edited_pages.length === 0 ? null : 'a no-op edit changed pages')],
    },
    {
      name: 'set-value',
      edit: `${EDIT} --set /memblock/demo1:x-note=u64le:0x4b484f53434f5045`,
      accepted: true,
      expect: [receivedWith('sub_fdts/memblock', 'x-note')],
    },
    {
      name: 'add-fragment',
      edit: `${EDIT} --add-fragment /extra=${extraDts}`,
      accepted: true,
      expect: [received('sub_fdts/extra'), receivedWith('sub_fdts/extra', 'khoscope-extra-v1')],
    },
    {
      name: 'delete-child',
      edit: `${EDIT} --delete /kexec-metadata`,
      accepted: true,
      expect: [notReceived('sub_fdts/kexec-metadata'), received('sub_fdts/kho_test')],
    },
    {
      name: 'grow-blob',
      edit: `${EDIT} --set '/kho_test/data:x-pad=[${'00 '.repeat(6000).trim()}]'`,
      accepted: true,
      expect: [receivedWith('sub_fdts/kho_test', 'x-pad')],
    },
    {
      name: 'kho_test preserved-data at kernel text',
      edit: `${POKE} /kho_test:preserved-data=0x1000000`,
      accepted: false,
      expect: [checkSays('wrong-blob', /kho-test-v1/)],
    },
    {
      name: 'memblock demo1 size changed',
      edit: `${EDIT} --set /memblock/demo1:size=u64le:0x800000`,
      accepted: false,
      expect: [checkSays('wrong-map-entry', /reserve_mem=/)],
    },
    {
      name: 'memblock demo2 start moved into the kernel',
      edit: `${EDIT} --set /memblock/demo2:start=u64le:0x1000000`,
      accepted: true,
      silentInKernel:
        'kernel B revives demo2 at its own code without a word (reserve_mem only checks size and alignment); its users then write over the kernel',
      expect: [
        checkSays('wrong-map-entry', /demo2/),
        checkSays('reserve-mem-placement', /demo2 .* overlaps the kernel image/),
      ],
    },
    {
      name: 'preserved-data beyond RAM',
      edit: `${POKE} /kho_test:preserved-data=0x40000000`,
      accepted: false,
      expect: [checkSays('blob-outside-ram', /next kernel will panic/)],
    },
    {
      name: 'preserved-memory-map beyond RAM',
      edit: `${POKE} /:preserved-memory-map=0x40000000`,
      accepted: false,
      expect: [checkSays('map-outside-ram', /next kernel will panic/)],
    },
  ];
}
