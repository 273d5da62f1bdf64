import { readFileSync } from 'node:fs';
import { DtsError } from '../../fdt/dts/DtsError';
import { parseDts } from '../../fdt/dts/parseDts';
import type { EditOperation } from '../../edit/EditOperation';
import type { EditState } from '../../edit/EditState';
import {
  addFragmentAt,
  addNodeAt,
  inlineAt,
  removeNodeAt,
  removePropertyAt,
  renameNodeAt,
  renamePropertyAt,
  setPageOrderAt,
  setPropertyAt,
  splitAt,
} from '../../edit/paths/pathOperations';
import { serializeNode } from '../../edit/SerializedNode';
import { parsePropertyValue } from '../../edit/values/parsePropertyValue';
import { UsageError } from '../UsageError';

/** The edit options, in the form `khoscope edit` takes them (each repeatable). */
export const EDIT_OPERATION_FLAGS = [
  'set',
  'delete',
  'add-node',
  'rename',
  'split',
  'inline',
  'page-order',
  'add-fragment',
] as const;

/** One edit option as written, in command-line order. */
export interface EditArgument {
  flag: (typeof EDIT_OPERATION_FLAGS)[number];
  text: string;
}

/**
 * Takes the edit options out of `args`, keeping their order (operations
 * apply one after the other, so `--add-node /a --set /a:x=<1>` must stay in
 * that order), and returns them with the remaining arguments.
 */
export function takeEditArguments(args: readonly string[]): { edits: EditArgument[]; rest: string[] } {
  const edits: EditArgument[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(args[i]);
    const flag =
      match && (EDIT_OPERATION_FLAGS as readonly string[]).includes(match[1])
        ? (match[1] as EditArgument['flag'])
        : undefined;
    if (!flag) {
      rest.push(args[i]);
      continue;
    }
    const text = match![2] ?? args[++i];
    if (text === undefined) throw new UsageError(`--${flag} needs a value`);
    edits.push({ flag, text });
  }
  return { edits, rest };
}

/** How DTS files of `--add-fragment` are read. */
export interface DtsFileOptions {
  /** Like `dtc -f`: take a tree dtc's checks refuse, each problem passed to `onForced`. */
  force?: boolean;
  /** With `force`: one problem that would have refused the file, in plain words with its place. */
  onForced?: (message: string) => void;
}

/** The operation an edit option asks for, on the current state (paths resolve against it). */
export function editOperationFor(state: EditState, edit: EditArgument, dts: DtsFileOptions = {}): EditOperation {
  const { flag, text } = edit;
  switch (flag) {
    case 'set': {
      const { path, property, value } = split(text, true, true, flag);
      return setPropertyAt(state, path, property!, parsePropertyValue(value!));
    }
    case 'delete': {
      const { path, property } = split(text, false, false, flag);
      return property === undefined ? removeNodeAt(state, path) : removePropertyAt(state, path, property);
    }
    case 'rename': {
      const { path, property, value } = split(text, false, true, flag);
      return property === undefined
        ? renameNodeAt(state, path, value!)
        : renamePropertyAt(state, path, property, value!);
    }
    case 'add-node':
      return addNodeAt(state, text);
    case 'split':
      return splitAt(state, text);
    case 'inline':
      return inlineAt(state, text);
    case 'page-order': {
      const { path, value } = split(text, false, true, flag);
      if (value !== 'le' && value !== 'be') throw new UsageError(`--page-order ${text}: the order is le or be`);
      return setPageOrderAt(state, path, value);
    }
    case 'add-fragment': {
      const { path, value } = split(text, false, true, flag);
      return addFragmentAt(state, path, serializeNode(readDtsTree(value!, dts)));
    }
  }
}

/** `PATH[:PROP][=VALUE]`: the path ends at the first `:` (node names have none), the property at the first `=`. */
function split(
  text: string,
  needProperty: boolean,
  needValue: boolean,
  flag: string,
): { path: string; property?: string; value?: string } {
  const eq = text.indexOf('=');
  const head = eq < 0 ? text : text.slice(0, eq);
  const value = eq < 0 ? undefined : text.slice(eq + 1);
  const colon = head.indexOf(':');
  const path = colon < 0 ? head : head.slice(0, colon);
  const property = colon < 0 ? undefined : head.slice(colon + 1);
  if (needProperty && !property)
    throw new UsageError(`--${flag} ${text}: write PATH:PROPERTY${needValue ? '=VALUE' : ''}`);
  if (needValue && value === undefined) throw new UsageError(`--${flag} ${text}: the value comes after '='`);
  return { path, property, value };
}

function readDtsTree(file: string, options: DtsFileOptions) {
  const place = (error: DtsError) => `${file} line ${error.line}, column ${error.column}: ${error.reason}`;
  try {
    return parseDts(readFileSync(file, 'utf8'), {
      force: options.force === true,
      onForced: (problem) => options.onForced?.(place(problem)),
    }).root;
  } catch (error) {
    if (error instanceof DtsError)
      throw new UsageError(
        `${place(error)}${options.force ? '' : ' (--force takes such a file, as dtc -f does, when the problem is one of its checks)'}`,
      );
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}
