/**
 * The kept layouts' store: one record in IndexedDB (`chasm` → `kept`), read
 * at start and written after each change. IndexedDB rather than
 * localStorage: a layout may be 256 KB, and eight of them would crowd the
 * settings' 5 MB. Every failure (no IndexedDB in a private window, a full
 * disk, a store that never answers) is data, said by the app; nothing
 * here throws, and the shipped layouts always work.
 */
import { NOTHING_KEPT, parseKept, type Kept, type KeptProblem } from '../layout/kept';
import { browserStorage } from '../settings/store';

const DB_NAME = 'chasm';
const STORE = 'kept';
const KEY = 'layouts';
/** A store that has not answered by then is taken as unavailable (the start does not wait longer). */
const ANSWER_MS = 1500;

/**
 * localStorage's word on whether a kept layout is shown at the next start ('1') or not ('0'), written
 * with every read and write of the store. A start that has none to show (every first visit) does not
 * wait on IndexedDB, whose first open on a phone took up to 0.4 s of its start.
 */
const HINT_KEY = 'chasm.kept.shown-at-start';

/** Whether the next start shows a kept layout, as last written; false where nothing was ever written. */
export function keptShownAtStart(): boolean {
  try {
    return browserStorage()?.getItem(HINT_KEY) === '1';
  } catch {
    // Storage refused (a sandboxed frame): wait on the store, as before the hint.
    return true;
  }
}

function hint(kept: Kept): void {
  try {
    browserStorage()?.setItem(HINT_KEY, kept.current === null ? '0' : '1');
  } catch {
    // A full or refused storage: the next start waits on the store.
  }
}

/** What went wrong, as the app words it: no store here (or none answering), a full disk, or anything else. */
const problemOf = (error: unknown): KeptProblem =>
  error instanceof DOMException && error.name === 'QuotaExceededError'
    ? 'full'
    : error instanceof Error && error.message === 'unavailable'
      ? 'unavailable'
      : 'failed';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (!idb) {
      reject(new Error('unavailable'));
      return;
    }
    const request = idb.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('failed'));
    request.onblocked = () => reject(new Error('unavailable'));
  });
}

/** Runs one request in a transaction, within `ANSWER_MS`. */
async function run<T>(mode: IDBTransactionMode, make: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = make(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? request.error ?? new Error('failed'));
      tx.onabort = () => reject(tx.error ?? new Error('failed'));
    });
  } finally {
    db.close();
  }
}

const inTime = <T>(p: Promise<T>): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('unavailable')), ANSWER_MS))]);

/** Reads the kept layouts (nothing kept yet, unreadable data, or no store that answers: none, silently). */
export async function readKept(): Promise<Kept> {
  try {
    const kept = parseKept(await inTime(run('readonly', (s) => s.get(KEY) as IDBRequest<unknown>)));
    hint(kept);
    return kept;
  } catch {
    return NOTHING_KEPT;
  }
}

/** Writes the kept layouts; returns why not, or null. */
export async function writeKept(kept: Kept): Promise<KeptProblem | null> {
  try {
    await inTime(run('readwrite', (s) => s.put(kept, KEY)));
    hint(kept);
    return null;
  } catch (error) {
    return problemOf(error);
  }
}
