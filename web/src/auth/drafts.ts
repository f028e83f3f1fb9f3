// What was being typed when the session ended is not lost: the text fields of the page (those with an id)
// are kept in sessionStorage (this tab only, gone when it closes) and put back once the user, logged in
// again, is on the same page. Putting a value back fires an input event, so the page saves it as if typed.

const storageKey = 'mamori.drafts';

interface Drafts {
  path: string;
  fields: Record<string, string>;
}

type TextField = HTMLInputElement | HTMLTextAreaElement;

function textFields(): TextField[] {
  const main = document.querySelector('main') ?? document.body;
  return Array.from(main.querySelectorAll<TextField>('textarea[id], input[id]')).filter(
    (field) =>
      field instanceof HTMLTextAreaElement ||
      ['text', 'email', 'url', 'search', 'tel', 'number', 'date'].includes(field.type),
  );
}

/** Keeps the page's typed text; called when the session has just ended. */
export function keepDrafts(path: string): void {
  const fields: Record<string, string> = {};
  for (const field of textFields()) if (field.value !== '' && !field.readOnly && !field.disabled) fields[field.id] = field.value;
  if (Object.keys(fields).length === 0) return;
  try {
    sessionStorage.setItem(storageKey, JSON.stringify({ path, fields } satisfies Drafts));
  } catch {
    // Without storage there is nothing to keep the text in.
  }
}

function storedDrafts(): Drafts | null {
  try {
    const text = sessionStorage.getItem(storageKey);
    if (text === null) return null;
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && 'path' in value && 'fields' in value) return value as Drafts;
  } catch {
    // Unreadable: dropped below.
  }
  return null;
}

export function hasDraftsFor(path: string): boolean {
  return storedDrafts()?.path === path;
}

function putBack(field: TextField, value: string): void {
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Puts the kept text of `path` back into the fields that are on the page now; resolves to whether anything
 * was put back. Fields appear once the page has loaded its data, so this waits for them (up to `waitMs`).
 */
export async function restoreDrafts(path: string, waitMs = 10_000): Promise<boolean> {
  const drafts = storedDrafts();
  if (drafts === null || drafts.path !== path) return false;
  const pending = new Map(Object.entries(drafts.fields));
  let restored = false;
  const started = Date.now();
  while (pending.size > 0 && Date.now() - started < waitMs) {
    for (const [id, value] of [...pending]) {
      const field = document.getElementById(id);
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
        if (field.value !== value) {
          putBack(field, value);
          restored = true;
        }
        pending.delete(id);
      }
    }
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  try {
    sessionStorage.removeItem(storageKey);
  } catch {
    // Nothing to remove.
  }
  return restored;
}
