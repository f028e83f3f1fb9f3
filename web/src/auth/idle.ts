// The session's idle timeout as the page sees it (WCAG 2.2.1): the server says how long an unused session
// lasts (`session_idle_seconds` in the session answers), every answered request counts as use, and the
// page warns before the end (components/SessionTimeout.tsx).
//
// The server refreshes its idle timer at most every tenth of the timeout (and at least once a minute), so
// the page counts the session as ending that much earlier than the last request plus the timeout.

const defaultIdleMs = 30 * 60_000;

let idleMs = defaultIdleMs;
let lastUse = Date.now();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

export function setIdleSeconds(seconds: number | undefined): void {
  if (seconds !== undefined && Number.isFinite(seconds) && seconds > 0) idleMs = seconds * 1000;
  changed();
}

/** A request with the session was answered: the server's idle timer started again. */
export function noteSessionUse(): void {
  lastUse = Date.now();
  changed();
}

/** When the session ends if nothing else happens (milliseconds since the epoch). */
export function sessionDeadline(): number {
  return lastUse + idleMs - Math.min(60_000, idleMs / 10);
}

/** When the server has certainly ended the session if nothing else happened. */
export function sessionEndedBy(): number {
  return lastUse + idleMs + 1000;
}

/** How long before the deadline the warning appears: two minutes, or half of a very short timeout. */
export function warningLeadMs(): number {
  return Math.min(2 * 60_000, idleMs / 2);
}

export function onIdleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
