import { hex } from '../../bytes/readers';
import type { Diagnostic } from '../model/Diagnostic';
import type { KhoGraph } from '../model/KhoGraph';
import { liveReserveMemRanges } from './liveReserveMemRanges';

/** One `reserve_mem=size:align:name` argument, as the kernel parses it (mm/memblock.c). */
export interface ReserveMemArg {
  name: string;
  size: bigint;
  align: bigint;
  /** The argument as written. */
  text: string;
}

const CODE = 'reserve-mem-cmdline';
/** Longest command line read (the kernel's COMMAND_LINE_SIZE is at most a few KiB). */
const MAX_CMDLINE = 64 * 1024;
/** `RESERVE_MEM_NAME_SIZE`: a name holds at most 15 characters and its NUL. */
const NAME_SIZE = 16;
const SUFFIX: Readonly<Record<string, bigint>> = { K: 10n, M: 20n, G: 30n, T: 40n, P: 50n, E: 60n };

/**
 * The kernel's `memparse`: a number in C notation (0x hex, leading 0 octal,
 * else decimal) with an optional K/M/G/T/P/E suffix (either case); null
 * when it is not one.
 */
export function memparse(text: string): bigint | null {
  const match = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)([kKmMgGtTpPeE]?)$/.exec(text);
  if (!match) return null;
  const digits = match[1];
  const value = /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
  return match[2] ? value << SUFFIX[match[2].toUpperCase()] : value;
}

/**
 * Every `reserve_mem=` argument of a kernel command line, and the ones that
 * do not parse (the kernel ignores those with an error in its log). Words are
 * split on whitespace; a quoted value is not a thing reserve_mem takes.
 */
export function parseReserveMemArgs(cmdline: string): { args: ReserveMemArg[]; bad: string[] } {
  const args: ReserveMemArg[] = [];
  const bad: string[] = [];
  for (const word of cmdline.slice(0, MAX_CMDLINE).split(/\s+/)) {
    if (!word.startsWith('reserve_mem=')) continue;
    const [sizeText, alignText, name, ...rest] = word.slice('reserve_mem='.length).split(':');
    const size = memparse(sizeText ?? '');
    const align = memparse(alignText ?? '');
    if (size === null || size === 0n || align === null || !name || name.length >= NAME_SIZE || rest.length > 0)
      bad.push(word);
    else args.push({ name, size, align, text: word });
  }
  return { args, bad };
}

/**
 * Compares the reserve-mem regions of the graph's memblock blobs with the
 * `reserve_mem=` arguments of the command line the next kernel boots with
 * (consumed roots left out):
 * the next kernel revives a region only when an argument names it, and
 * refuses it when the sizes differ ("wrong size"); a region whose start does
 * not meet the argument's alignment is not where that kernel would put it.
 * `source` says where a command line the image carries came from (`debugfs
 * cmdline`); every message then names it. Without it the user gave it.
 */
export function checkReserveMemCmdline(graph: KhoGraph, cmdline: string, source?: string): Diagnostic[] {
  const out = judgeAgainst(graph, cmdline);
  if (source === undefined) return out;
  return out.map((d) => ({ ...d, message: `${d.message} (command line from ${source})` }));
}

function judgeAgainst(graph: KhoGraph, cmdline: string): Diagnostic[] {
  const { args, bad } = parseReserveMemArgs(cmdline);
  const out: Diagnostic[] = bad.map((word) => ({
    severity: 'warning',
    code: CODE,
    message: `the command line's ${word} is not reserve_mem=size:align:name (name at most ${NAME_SIZE - 1} characters): the next kernel ignores it`,
    location: {},
  }));
  const seen = new Set<string>();
  for (const { fragment, range } of liveReserveMemRanges(graph)) {
    const location = { fragment, node: range.node, property: 'size' };
    const arg = args.find((a) => a.name === range.name);
    seen.add(range.name);
    if (!arg) {
      out.push({
        severity: 'warning',
        code: CODE,
        message: `no reserve_mem=…:${range.name} on the command line: the next kernel does not revive ${range.name}, and its contents are lost`,
        location,
      });
    } else if (arg.size !== range.size) {
      out.push({
        severity: 'error',
        code: CODE,
        message: `${range.name} is ${hex(range.size)} bytes here, but the command line's ${arg.text} asks for ${hex(arg.size)}: the next kernel refuses the region (wrong size)`,
        location,
      });
    } else if (range.start !== null && arg.align > 0n && BigInt(range.start) % arg.align !== 0n) {
      out.push({
        severity: 'warning',
        code: CODE,
        message: `${range.name} starts at ${hex(range.start)}, not aligned to ${hex(arg.align)} as ${arg.text} asks`,
        location: { ...location, property: 'start' },
      });
    }
  }
  for (const arg of args)
    if (!seen.has(arg.name))
      out.push({
        severity: 'info',
        code: CODE,
        message: `${arg.text} names no preserved region: the next kernel reserves ${arg.name} afresh`,
        location: {},
      });
  return out;
}

/**
 * The graph judged against a command line: its `reserve-mem-cmdline`
 * diagnostics replaced by those of `cmdline` (the next kernel's, typed by
 * the user), or, when `cmdline` is null, by those of the command line the
 * image carries (`graph.kernel.commandLine`), if any. Everything else is
 * unchanged, so it can be applied again with another command line; when
 * the judgement is the one the graph already holds, the graph itself is
 * returned (viewers compare graphs by identity).
 */
export function judgeCommandLine(graph: KhoGraph, cmdline: string | null): KhoGraph {
  const carried = graph.kernel.commandLine;
  const judged =
    cmdline !== null
      ? checkReserveMemCmdline(graph, cmdline)
      : carried
        ? checkReserveMemCmdline(graph, carried.text, carried.source)
        : [];
  const held = graph.diagnostics.filter((d) => d.code === CODE);
  const same =
    held.length === judged.length &&
    held.every((d, i) => d.severity === judged[i].severity && d.message === judged[i].message);
  return same ? graph : { ...graph, diagnostics: [...graph.diagnostics.filter((d) => d.code !== CODE), ...judged] };
}
