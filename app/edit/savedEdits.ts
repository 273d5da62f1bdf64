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

/** The one connection to the edit store, opened once and kept (null while none is open). */
let connection: Promise<IDBDatabase | null> | null = null;

/**
 * Opens the edit store, once, and keeps the connection: a save then starts
 * its transaction in the same task as the step it saves, and a transaction
 * the page has started is one the browser finishes even when the page goes
 * away right after (a reload, a closed tab). Opening per save left a window
 * where the page could go before the transaction existed, and the step was
 * lost. Resolves to null when the browser keeps no IndexedDB.
 */
export function openEditStore(): Promise<IDBDatabase | null> {
  connection ??= openDatabase().then(
    (db) => {
      if (db) {
        // Another tab upgrading the database, or the browser closing it: open again on the next use.
        db.onversionchange = () => {
          db.close();
          connection = null;
        };
        db.onclose = () => {
          connection = null;
        };
      }
      return db;
    },
    (error: unknown) => {
      connection = null;
      throw error;
    },
  );
  return connection;
}

/** The saved edits of the image `identity`, or null (also when the browser keeps no IndexedDB). */
export async function loadSavedEdits(identity: string): Promise<SavedEdits | null> {
  const db = await openEditStore();
  if (!db) return null;
  const found = await request<SavedEdits | undefined>(db.transaction(STORE).objectStore(STORE).get(identity));
  return found && Array.isArray(found.done) && Array.isArray(found.redo) ? found : null;
}

/**
 * Saves the edits of an image (replacing what was saved for it); a log
 * without steps is deleted instead. Resolves once the write is on disk
 * (strict durability), so a caller that shows a step only after this
 * resolves shows only steps a reload or a crash keeps.
 */
export async function saveEdits(edits: SavedEdits): Promise<void> {
  const db = await openEditStore();
  if (!db) return;
  const transaction = db.transaction(STORE, 'readwrite', { durability: 'strict' });
  const store = transaction.objectStore(STORE);
  if (edits.done.length === 0 && edits.redo.length === 0) store.delete(edits.identity);
  else store.put(edits);
  // Ask for the commit now rather than when the task ends: nothing else goes into this transaction.
  transaction.commit();
  await done(transaction);
}

/** Forgets the saved edits of the image `identity` (resolves once that is on disk). */
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
