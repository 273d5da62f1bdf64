import { EditError } from '../../../core/edit';
import type { PhysicalMemory } from '../../../core/mem';
import type { EditAnswer } from '../../model/EditSnapshot';
import type { EditAction } from '../protocol';
import { type EditableImage, startEditSession } from './editableImage';
import type { EditSession } from './EditSession';

/**
 * The worker's side of editing: the edit session of the image that serves
 * reads (a new open replaces it), with requests taken one at a time in the
 * order they came, so a quick undo after an edit never overtakes it.
 */
export class EditHost {
  private sessionId = 0;
  private image: EditableImage | null = null;
  private session: EditSession | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /** The image `sessionId` now serves reads; `image` is null when it has no graph to edit. */
  opened(sessionId: number, image: EditableImage | null): void {
    this.sessionId = sessionId;
    this.image = image;
    this.session = null;
  }

  /** The memory reads of `sessionId` see: the edited memory once there are edits. */
  memoryOf(sessionId: number): PhysicalMemory | null {
    return sessionId === this.sessionId && this.session ? this.session.editedMemory : null;
  }

  /** Runs one edit action on image `sessionId`, after those before it. */
  handle(sessionId: number, action: EditAction): Promise<EditAnswer> {
    return this.enqueue(async () => {
      if (sessionId !== this.sessionId || !this.image)
        return { ok: false, refusal: 'this image is no longer open, or has no KHO graph to edit' };
      try {
        this.session ??= await startEditSession(this.image);
      } catch (error) {
        if (error instanceof EditError) return { ok: false, refusal: error.message };
        throw error;
      }
      const session = this.session;
      switch (action.kind) {
        case 'start':
          return { ok: true, snapshot: session.snapshot() };
        case 'apply':
          return session.apply(action.op);
        case 'undo':
          return session.undo();
        case 'redo':
          return session.redo();
        case 'go-to':
          return session.goTo(action.position);
        case 'restore':
          return session.restore(action.done, action.redo);
      }
    });
  }

  /** The edited image of `sessionId` as a Blob; rejects with the reason in words. */
  exportBlob(sessionId: number): Promise<Blob> {
    return this.enqueue(() => {
      if (sessionId !== this.sessionId || !this.session)
        throw new EditError('', 'this image is no longer open, or has no edits');
      return this.session.exportBlob();
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
