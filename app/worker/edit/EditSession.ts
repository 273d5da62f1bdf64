import {
  addedDiagnostics,
  EditError,
  EditLog,
  type EditOperation,
  type EditPlan,
  type EditState,
  editStateFromGraph,
  exportEditedImage,
  OverlayMemory,
  planEdit,
} from '../../../core/edit';
import { decodeKhoGraph, judgeByRole, type KhoGraph, type KhoRootScan } from '../../../core/kho';
import { exportFileToBlob, type MemoryImage, type OpenedImage, type PhysicalMemory } from '../../../core/mem';
import { describeOperation } from '../../edit/describeOperation';
import type { EditAnswer, EditSnapshot } from '../../model/EditSnapshot';
import { exportPreview } from './exportPreview';

/** The edited graph and how export writes it, for the log's current step. */
interface Outcome {
  plan: EditPlan;
  graph: KhoGraph;
}

/**
 * The edits of one open image, in the worker: the operation log with undo
 * and redo (core/edit), and for its current step the write-back plan and the
 * graph the edited image decodes to. Every change is planned at once, so a
 * refusal (the operation's or the write-back's: a root outgrowing its page,
 * no free page) comes back before the step is taken and the log always
 * stays exportable.
 */
export class EditSession {
  private readonly initial: EditState;
  private log: EditLog;
  private outcome: Outcome | null = null;

  private constructor(
    private readonly target: OpenedImage | PhysicalMemory,
    private readonly memory: PhysicalMemory,
    private readonly input: KhoGraph,
    private readonly scan: KhoRootScan | null,
    readonly identity: string,
  ) {
    this.initial = editStateFromGraph(input);
    this.log = new EditLog(this.initial);
  }

  /** A session over a decoded memory graph; throws `EditError` for a graph that cannot be edited (a blob set, a DTB). */
  static start(
    target: OpenedImage | PhysicalMemory,
    memory: PhysicalMemory,
    input: KhoGraph,
    scan: KhoRootScan | null,
    identity: string,
  ): EditSession {
    return new EditSession(target, memory, input, scan, identity);
  }

  /** Physical memory as the current step leaves it (the input's, with the changed pages over it). */
  get editedMemory(): PhysicalMemory {
    return this.outcome ? new OverlayMemory(this.memory, this.outcome.plan.pages) : this.memory;
  }

  /** Where editing stands now. */
  snapshot(): EditSnapshot {
    const history = [
      ...this.log.done.map((entry) => ({ op: entry.op, label: describeOperation(entry.op) })),
      ...[...this.log.undone].reverse().map((entry) => ({ op: entry.op, label: describeOperation(entry.op) })),
    ];
    const outcome = this.outcome;
    const fragments = outcome?.plan.fragments ?? [];
    return {
      identity: this.identity,
      history,
      position: this.log.done.length,
      graph: outcome?.graph ?? null,
      editIds: Object.fromEntries(fragments.map((fragment) => [fragment.decodedId, fragment.id])),
      changed: fragments.filter((fragment) => fragment.fate !== 'unchanged').map((fragment) => fragment.decodedId),
      preview: outcome ? exportPreview(outcome.plan, this.input, outcome.graph) : null,
      added: outcome ? addedDiagnostics(this.input.diagnostics, outcome.graph.diagnostics) : [],
      roots: [...this.log.state.roots],
      exportBlocked: this.memoryImage()
        ? null
        : 'this demo was built in the page and has no file to write into; open a demo image file (or your own image) to download an edited copy',
    };
  }

  /** Applies `op` as the next step (forgetting what was undone). */
  apply(op: EditOperation): Promise<EditAnswer> {
    return this.step(() => this.log.apply(op));
  }

  /** Undoes the last step. */
  undo(): Promise<EditAnswer> {
    return this.step(() => this.log.undo());
  }

  /** Redoes the last undone step. */
  redo(): Promise<EditAnswer> {
    return this.step(() => this.log.redo());
  }

  /** Goes to step `position` of the history (0: as opened), undoing or redoing as many steps as needed. */
  goTo(position: number): Promise<EditAnswer> {
    return this.step(() => {
      let log = this.log;
      const total = log.done.length + log.undone.length;
      const target = Math.max(0, Math.min(total, Math.trunc(position)));
      while (log.done.length > target) log = log.undo();
      while (log.done.length < target) log = log.redo();
      return log;
    });
  }

  /**
   * Replays a saved log: the applied operations, then the undone ones in the
   * order redo takes them, undone again (so redo works as before). Refuses,
   * changing nothing, when an operation no longer applies, and says which.
   */
  restore(done: readonly EditOperation[], redo: readonly EditOperation[]): Promise<EditAnswer> {
    return this.step(() => {
      let log = new EditLog(this.initial);
      for (const [i, op] of [...done, ...redo].entries()) {
        try {
          log = log.apply(op);
        } catch (error) {
          if (error instanceof EditError)
            throw new EditError(`saved step ${i + 1} (${describeOperation(op)})`, error.reason);
          throw error;
        }
      }
      for (let i = 0; i < redo.length; i++) log = log.undo();
      return log;
    });
  }

  /** The edited image in its own container as a Blob: slices of the original file around the changed pages. */
  async exportBlob(): Promise<Blob> {
    const image = this.memoryImage();
    if (!image) throw new EditError('', this.snapshot().exportBlocked ?? 'this image cannot be exported');
    if (!this.outcome) throw new EditError('', 'there is no edit to export');
    const exported = await exportEditedImage(image, this.outcome.plan);
    return exportFileToBlob(exported.files[0]);
  }

  private memoryImage(): MemoryImage | null {
    const target = this.target as Partial<OpenedImage>;
    return target.kind === 'memory' && 'container' in target ? (target as MemoryImage) : null;
  }

  /** Takes a step: the new log is kept only when it can be written back. */
  private async step(next: () => EditLog): Promise<EditAnswer> {
    try {
      const log = next();
      const outcome = log.done.length === 0 ? null : await this.writeBack(log);
      this.log = log;
      this.outcome = outcome;
      return { ok: true, snapshot: this.snapshot() };
    } catch (error) {
      if (error instanceof EditError) return { ok: false, refusal: error.message };
      throw error;
    }
  }

  private async writeBack(log: EditLog): Promise<Outcome> {
    const plan = await planEdit(this.memory, this.input, log.state);
    const roots = this.input.roots.flatMap((root) => (root.address === null ? [] : [root.address]));
    // The scan's maps were read before the edit: the decode reads each root's map from the edited memory.
    const scan = this.scan && {
      ...this.scan,
      candidates: this.scan.candidates.map(({ address, how, rank }) => ({ address, how, rank })),
    };
    const graph = await decodeKhoGraph(new OverlayMemory(this.memory, plan.pages), {
      roots,
      pageSize: plan.pageSize,
      scan: scan ?? undefined,
      kernel: this.input.kernel,
    });
    // Decoded from memory by address, the graph would be named after the memory kind and its roots
    // "given"; it is still the user's image, whose roots were found as the input's were.
    const found = new Map(this.input.roots.map((root) => [root.address, root]));
    const rootsAsFound = graph.roots.map((root) => {
      const was = found.get(root.address);
      return was ? { ...root, how: was.how, rank: was.rank } : root;
    });
    // Judged by role as the input was (runPlan), so a consumed root's expected problems stay notes.
    return {
      plan,
      graph: { ...graph, source: this.input.source, roots: rootsAsFound, diagnostics: judgeByRole(graph) },
    };
  }
}
