import { applyEdit } from './applyEdit';
import type { EditOperation } from './EditOperation';
import type { EditState } from './EditState';

/** One applied operation and the operation that undoes it. */
export interface LoggedEdit {
  op: EditOperation;
  inverse: EditOperation;
}

/**
 * An operation log with undo and redo over immutable states: `apply` adds
 * an entry (and forgets what was undone), `undo` applies the last entry's
 * inverse, `redo` applies the undone operation again. Every method returns a
 * new log; the entries are plain JSON and can be saved and replayed.
 */
export class EditLog {
  readonly state: EditState;
  /** Applied operations, oldest first. */
  readonly done: readonly LoggedEdit[];
  /** Undone operations, the next one to redo last. */
  readonly undone: readonly LoggedEdit[];

  constructor(state: EditState, done: readonly LoggedEdit[] = [], undone: readonly LoggedEdit[] = []) {
    this.state = state;
    this.done = done;
    this.undone = undone;
  }

  /** The log after applying `op` (throws `EditError` when the operation is refused). */
  apply(op: EditOperation): EditLog {
    const { state, inverse } = applyEdit(this.state, op);
    return new EditLog(state, [...this.done, { op, inverse }], []);
  }

  /** True when there is something to undo. */
  get canUndo(): boolean {
    return this.done.length > 0;
  }

  /** True when there is something to redo. */
  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** The log with the last operation undone (unchanged when there is none). */
  undo(): EditLog {
    const last = this.done[this.done.length - 1];
    if (!last) return this;
    const { state } = applyEdit(this.state, last.inverse);
    return new EditLog(state, this.done.slice(0, -1), [...this.undone, last]);
  }

  /** The log with the last undone operation applied again (unchanged when there is none). */
  redo(): EditLog {
    const next = this.undone[this.undone.length - 1];
    if (!next) return this;
    const { state, inverse } = applyEdit(this.state, next.op);
    return new EditLog(state, [...this.done, { op: next.op, inverse }], this.undone.slice(0, -1));
  }
}
