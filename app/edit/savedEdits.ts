import type { EditOperation } from '../../core/edit';

/**
 * The edits of one image as saved in the browser: operations only (plain
 * JSON, values as hex), never image bytes. `redo` holds the undone steps in
 * the order redo takes them.
 */
export interface SavedEdits {
  /** The image identity (name, size, hash of its first and KHO pages). */
  identity: string;
  /** When the log was last saved (ms since the epoch). */
  savedAt: number;
  done: EditOperation[];
  redo: EditOperation[];
}

const DATABASE = 'khoscope';
const STORE = 'edit-logs';

/** The saved edits of the image `identity`, or null (also when the browser keeps no IndexedDB). */
export async function loadSavedEdits(identity: string): Promise<SavedEdits | null> {
  const db = await openDatabase();
  if (!db) return null;
  try {
    const found = await request<SavedEdits | undefined>(db.transaction(STORE).objectStore(STORE).get(identity));
    return found && Array.isArray(found.done) && Array.isArray(found.redo) ? found : null;
  } finally {
    db.close();
  }
}

/** Saves the edits of an image (replacing what was saved for it); a log without steps is deleted instead. */
export async function saveEdits(edits: SavedEdits): Promise<void> {
  const db = await openDatabase();
  if (!db) return;
  try {
    const transaction = db.transaction(STORE, 'readwrite');
    const store = transaction.objectStore(STORE);
    if (edits.done.length === 0 && edits.redo.length === 0) store.delete(edits.identity);
    else store.put(edits);
    await done(transaction);
  } finally {
    db.close();
  }
}

/** Forgets the saved edits of the image `identity`. */
export async function forgetEdits(identity: string): Promise<void> {
  await saveEdits({ identity, savedAt: Date.now(), done: [], redo: [] });
}

function openDatabase(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DATABASE, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: 'identity' });
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error('the browser could not open its edit store'));
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('the browser could not read its edit store'));
  });
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('the browser could not save the edits'));
    transaction.onabort = () => reject(transaction.error ?? new Error('the browser could not save the edits'));
  });
}
