// The record's offline store (IndexedDB "mamori-inspections-<user id>", one per user of the device): the
// package taken away for a visit ("持ち出す") and the edits made on this device that the server has not taken
// yet, one per line (the latest wins locally; its base_version stays the version the device last saw, so the
// server can tell a conflict). Logging out deletes the user's store unless it still holds unsent edits, which
// are never thrown away.
import { currentSession, onLogout } from '../../../auth/session';
import type { LineEdit, RecordLine, RecordPackage } from './recordApi';
import { lineKey } from './recordApi';

const storeName = (userId: number) => `mamori-inspections-${userId}`;

function dbName(): string {
  const session = currentSession();
  if (session.status !== 'active') throw new Error('the offline record belongs to a signed-in user');
  return storeName(session.user.id);
}
const packages = 'packages';
const queue = 'queue';

export interface QueuedEdit extends LineEdit {
  visit_id: number;
  key: string;
  queued_at: string;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName(), 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(packages)) db.createObjectStore(packages, { keyPath: 'visit.id' });
      if (!db.objectStoreNames.contains(queue)) {
        const store = db.createObjectStore(queue, { keyPath: ['visit_id', 'key'] });
        store.createIndex('visit', 'visit_id');
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB'));
  });
}

async function run<T>(store: string, mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const request = work(tx.objectStore(store));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB'));
    });
  } finally {
    db.close();
  }
}

export const loadPackage = (visitId: number) =>
  run<RecordPackage | undefined>(packages, 'readonly', (s) => s.get(visitId) as IDBRequest<RecordPackage | undefined>);

export const savePackage = (pkg: RecordPackage) => run(packages, 'readwrite', (s) => s.put(pkg));

/** Keeps a line the server now holds in the package (after a sync or a choice). */
export async function keepServerLine(visitId: number, line: RecordLine): Promise<void> {
  const pkg = await loadPackage(visitId);
  if (pkg === undefined) return;
  const key = lineKey(line);
  pkg.lines = [...pkg.lines.filter((l) => lineKey(l) !== key), line];
  await savePackage(pkg);
}

export const queuedEdits = (visitId: number) =>
  run<QueuedEdit[]>(queue, 'readonly', (s) => s.index('visit').getAll(visitId) as IDBRequest<QueuedEdit[]>);

export const queueEdit = (visitId: number, edit: LineEdit) =>
  run(queue, 'readwrite', (s) =>
    s.put({ ...edit, visit_id: visitId, key: lineKey(edit), queued_at: new Date().toISOString() } satisfies QueuedEdit),
  );

export const dropEdit = (visitId: number, key: string) => run(queue, 'readwrite', (s) => s.delete([visitId, key]));

function unsentEdits(userId: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(storeName(userId), 1);
    request.onupgradeneeded = () => request.transaction?.abort();  // nothing stored for this user
    request.onerror = () => resolve(0);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(queue)) {
        db.close();
        resolve(0);
        return;
      }
      const count = db.transaction(queue, 'readonly').objectStore(queue).count();
      count.onsuccess = () => {
        db.close();
        resolve(count.result);
      };
      count.onerror = () => {
        db.close();
        reject(count.error ?? new Error('IndexedDB'));
      };
    };
  });
}

onLogout(async (userId) => {
  if ((await unsentEdits(userId)) > 0) return;
  await new Promise<void>((resolve) => {
    const deleted = indexedDB.deleteDatabase(storeName(userId));
    deleted.onsuccess = deleted.onerror = deleted.onblocked = () => resolve();
  });
});

/** A name for this device, kept with each version of a line the server stores. */
export function deviceName(): string {
  const storageKey = 'mamori.device';
  try {
    let name = localStorage.getItem(storageKey);
    if (name === null) {
      name = `tablet-${Math.random().toString(36).slice(2, 8)}`;
      localStorage.setItem(storageKey, name);
    }
    return name;
  } catch {
    return 'browser';
  }
}
