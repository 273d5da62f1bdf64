import fc from 'fast-check';
import { applyEdit } from '../applyEdit';
import { forEachNodePath } from '../documentPaths';
import { EditError } from '../EditError';
import { EditLog } from '../EditLog';
import type { EditOperation } from '../EditOperation';
import type { EditState } from '../EditState';
import { rootFragmentRoot } from '../EditState';
import { bytesToHex } from '../hexBytes';
import { pointerSlots, slotTarget } from '../pointerSlots';
import { reachableFragments } from '../reachableFragments';
import { planEdit } from '../reencode/planEdit';
import type { ExportFile } from '../../mem/export/ExportPlan';
import type { OpenImageOptions } from '../../mem/OpenImageOptions';
import { checkEditedImage, reopenInMemory, type EditInput } from './checkEditedImage';
import { editContentDifference } from './sameEditContent';

/**
 * Random edit sequences for property tests: a generator of steps, the edit
 * each step asks for on the current state, and one run of a sequence from
 * plan to the re-opened export (see `checkEditedImage`).
 */

/** One random step: which kind of edit, two picks among the candidates, a name and a value size. */
export interface EditStep {
  kind: number;
  pick: number;
  pick2: number;
  name: string;
  size: number;
}

const step: fc.Arbitrary<EditStep> = fc.record({
  kind: fc.integer({ min: 0, max: 11 }),
  pick: fc.nat(),
  pick2: fc.nat(),
  name: fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/),
  // Mostly small values; now and then one large enough to need more pages.
  size: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 200 }) },
    { weight: 1, arbitrary: fc.integer({ min: 2000, max: 9000 }) },
  ),
});

/** Users whose decoders look at their tree's shape: the generator keeps their nodes as they are. */
const USER_COMPATIBLES = new Set(['memblock-v1', 'kho-test-v1']);

interface Place {
  fragment: string;
  node: string;
}

function valueHex(size: number, seed: number): string {
  return bytesToHex(Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed) & 0xff));
}

/**
 * The operation a step asks for on the current state, or null when there is
 * nothing to apply it to. Properties and nodes the generator creates are
 * named `x-…` and no node is added inside a known user's tree, so edits
 * never change what users' decoders read (that would be a new diagnostic by
 * design, not a fault of the editor); splits,
 * inlines, page orders, new fragments and removals of whole blobs act on
 * the demos' own links.
 */
function operationFor(state: EditState, s: EditStep): EditOperation | 'undo' | null {
  const nodes: Place[] = [];
  const parents: Place[] = [];
  const ownNodes: Place[] = [];
  const ownProperties: (Place & { name: string })[] = [];
  const splittable: Place[] = [];
  const links: (Place & { pageList: boolean })[] = [];
  const blobChildren: Place[] = [];
  for (const id of reachableFragments(state)) {
    const document = state.fragments[id].document;
    if (!document) continue;
    const compatible = document.root.properties.find((p) => p.name === 'compatible');
    const isUser =
      compatible !== undefined && USER_COMPATIBLES.has(String.fromCharCode(...compatible.value.subarray(0, -1)));
    const mainlineRoot = rootFragmentRoot(state, id)?.mainline === true;
    forEachNodePath(document.root, (node, path) => {
      nodes.push({ fragment: id, node: path });
      // memblock reads every child as a reserve-mem region: new children go elsewhere.
      if (!isUser || node.name.startsWith('x-')) parents.push({ fragment: id, node: path });
      if (node.name.startsWith('x-')) ownNodes.push({ fragment: id, node: path });
      for (const property of node.properties)
        if (property.name.startsWith('x-')) ownProperties.push({ fragment: id, node: path, name: property.name });
      if (path !== '/' && (!isUser || node.name.startsWith('x-')) && !mainlineRoot)
        splittable.push({ fragment: id, node: path });
    });
    for (const slot of pointerSlots(state, id, document)) {
      if (!slotTarget(state, slot)) continue;
      links.push({ fragment: id, node: slot.node, pageList: slot.kind === 'page-list' });
      if (mainlineRoot) blobChildren.push({ fragment: id, node: slot.node });
    }
  }
  const choose = <T>(list: T[], n = s.pick): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
  const name = `x-${s.name}`;
  switch (s.kind) {
    case 0: {
      const at = choose(nodes);
      return at ? { op: 'add-property', ...at, name, value: valueHex(s.size, s.pick2) } : null;
    }
    case 1: {
      const at = choose(ownProperties);
      return at ? { op: 'set-property', ...at, value: valueHex(s.size, s.pick2) } : null;
    }
    case 2: {
      const at = choose(ownProperties);
      return at ? (s.pick2 % 2 ? { op: 'remove-property', ...at } : { op: 'rename-property', ...at, to: name }) : null;
    }
    case 3: {
      const at = choose(parents);
      return at ? { op: 'add-node', ...at, name } : null;
    }
    case 4: {
      const at = choose(ownNodes);
      return at ? (s.pick2 % 2 ? { op: 'remove-node', ...at } : { op: 'rename-node', ...at, to: name }) : null;
    }
    case 5:
    case 6: {
      const at = choose(splittable);
      return at ? { op: 'split', ...at } : null;
    }
    case 7: {
      const at = choose(links);
      return at ? { op: 'inline', ...at } : null;
    }
    case 8: {
      const at = choose(links.filter((link) => link.pageList));
      return at
        ? { op: 'set-page-order', fragment: at.fragment, node: at.node, order: s.pick2 % 2 ? 'le' : 'be' }
        : null;
    }
    case 9: {
      const at = choose(parents);
      return at
        ? {
            op: 'add-fragment',
            ...at,
            name,
            tree: {
              name: '',
              properties: [
                ['compatible', bytesToHex(new TextEncoder().encode('x-frag-v1\0'))],
                ['x-data', valueHex(s.size, s.pick2)],
              ],
              children: [],
            },
          }
        : null;
    }
    case 10: {
      const at = choose(blobChildren);
      return at && s.pick2 % 3 === 0 ? { op: 'remove-node', ...at } : null;
    }
    default:
      return 'undo';
  }
}

/** Random sequences of one to six steps. */
export const editSteps: fc.Arbitrary<EditStep[]> = fc.array(step, { minLength: 1, maxLength: 6 });

/** What one sequence did: whether it got as far as a plan, what fell short, and the operations (for messages). */
export interface SequenceResult {
  planned: boolean;
  problems: string[];
  ops: string;
}

/**
 * Applies `steps` to the input's edit state (every operation's inverse must
 * undo it), plans the result and checks the exported image. The one refusal
 * random edits can earn, a root that would outgrow its page, ends the run
 * unplanned; any other error is thrown.
 */
export async function runEditSequence(
  input: EditInput & { state: EditState; openOptions?: OpenImageOptions },
  steps: EditStep[],
): Promise<SequenceResult> {
  let log = new EditLog(input.state);
  const problems: string[] = [];
  for (const s of steps) {
    const op = operationFor(log.state, s);
    if (op === null) continue;
    if (op === 'undo') {
      log = log.undo();
      continue;
    }
    let result: ReturnType<typeof applyEdit>;
    try {
      result = applyEdit(log.state, op);
    } catch (error) {
      if (error instanceof EditError) continue;
      throw error;
    }
    const undone = editContentDifference(applyEdit(result.state, result.inverse).state, log.state);
    if (undone !== null) problems.push(`the inverse of ${op.op} does not undo it: ${undone}`);
    log = log.apply(op);
  }
  const ops = JSON.stringify(log.done.map((entry) => entry.op));
  let plan: Awaited<ReturnType<typeof planEdit>>;
  try {
    plan = await planEdit(input.image.memory, input.graph, log.state);
  } catch (error) {
    if (error instanceof EditError && /the root FDT would be \d+ bytes/.test(error.message))
      return { planned: false, problems, ops };
    throw error;
  }
  const reopen = (file: ExportFile) => reopenInMemory(file, input.openOptions);
  problems.push(...(await checkEditedImage(input, log.state, plan, reopen)).problems);
  return { planned: true, problems, ops };
}

/**
 * Runs `numRuns` random sequences on `input` (fast-check, `seed` for a
 * fixed order) and throws at the first that falls short, naming its
 * operations; returns how many got as far as a plan.
 */
export async function assertRandomEditSequences(
  input: EditInput & { state: EditState; openOptions?: OpenImageOptions },
  settings: { numRuns: number; seed: number },
): Promise<number> {
  let planned = 0;
  await fc.assert(
    fc.asyncProperty(editSteps, async (steps) => {
      const result = await runEditSequence(input, steps);
      if (result.planned) planned++;
      if (result.problems.length > 0) throw new Error(`${result.ops}: ${result.problems.join('; ')}`);
    }),
    settings,
  );
  return planned;
}
