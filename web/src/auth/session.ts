// Who is logged in, for the whole page. The session itself is the server's HttpOnly cookie; the page
// keeps the user, the MFA step and (in request.ts) the CSRF token in memory.
//
// Anonymous visitors are never asked GET /session (which would answer 401 and put an error in the
// console on every public page): a flag in localStorage records that this browser logged in, and only
// then is the session looked up. The flag holds no secret.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import { keepDrafts } from './drafts';
import { noteSessionUse, setIdleSeconds } from './idle';
import { send, setCsrfToken, setUnauthenticatedHandler } from './request';
import { isSessionAnswer, type MfaStep, type SessionAnswer, type User } from './types';

export type SessionState =
  | { status: 'loading' }
  /** `ended`: a session existed and ended (expired, disabled, logged out elsewhere). */
  | { status: 'anonymous'; ended: boolean }
  | { status: 'active'; user: User; mfa: MfaStep };

export type ActiveSession = Extract<SessionState, { status: 'active' }>;

const hintKey = 'mamori.session';

let state: SessionState = { status: 'loading' };
const listeners = new Set<(next: SessionState) => void>();

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener(next);
}

function setHint(on: boolean): void {
  try {
    if (on) localStorage.setItem(hintKey, '1');
    else localStorage.removeItem(hintKey);
  } catch {
    // Without storage the page simply asks the server each time.
  }
}

function hasHint(): boolean {
  try {
    return localStorage.getItem(hintKey) === '1';
  } catch {
    return true;
  }
}

function end(ended: boolean): void {
  if (ended && state.status === 'active') keepDrafts(window.location.pathname + window.location.search);
  setCsrfToken(null);
  setHint(false);
  setState({ status: 'anonymous', ended });
}

setUnauthenticatedHandler(() => {
  if (state.status === 'active') end(true);
});

let started = false;

/** Looks up the session once, when the app starts. */
export function startSession(): void {
  if (started) return;
  started = true;
  window.addEventListener('storage', (event) => {
    // Logged out in another tab.
    if (event.key === hintKey && event.newValue === null && state.status === 'active') end(true);
  });
  if (!hasHint()) {
    setState({ status: 'anonymous', ended: false });
    return;
  }
  send('GET', '/api/v1/session', isSessionAnswer, { loginStep: true }).then(
    (answer) => applySession(answer),
    // 401: the session this browser had has ended (expired, the user disabled, logged out elsewhere).
    (error: unknown) => end(error instanceof ApiError && error.status === 401),
  );
}

/** Takes the answer of login, setup, MFA or invitation acceptance (a new cookie was set with it). */
export function applySession(answer: SessionAnswer): void {
  setCsrfToken(answer.csrf_token);
  setIdleSeconds(answer.session_idle_seconds);
  noteSessionUse();
  setHint(true);
  setState({ status: 'active', user: answer.user, mfa: answer.mfa });
}

/** Replaces the user (after a change to one's own account). */
export function updateUser(user: User): void {
  if (state.status === 'active') setState({ ...state, user });
}

// Work the browser keeps for a user (e.g. an inspection record taken away offline) registers here to be
// forgotten when that user logs out on this device.
const logoutCleaners: ((userId: number) => Promise<void>)[] = [];

export function onLogout(clean: (userId: number) => Promise<void>): void {
  logoutCleaners.push(clean);
}

export async function logout(): Promise<void> {
  const userId = state.status === 'active' ? state.user.id : null;
  try {
    await send('DELETE', '/api/v1/session', null, { loginStep: true });
  } catch {
    // The cookie may already be gone; the page forgets the session either way.
  }
  if (userId !== null)
    for (const clean of logoutCleaners)
      await clean(userId).catch(() => {
        // Clearing this device's copies must not keep anyone signed in.
      });
  end(false);
}

/** Forgets a session that has ended without asking the server. */
export function forgetSession(): void {
  end(false);
}

export function currentSession(): SessionState {
  return state;
}

export function useSession(): SessionState {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    return () => {
      listeners.delete(setCurrent);
    };
  }, []);
  return current;
}

export function isAdministrator(user: User): boolean {
  return user.roles.includes('administrator');
}

/** A path to come back to after logging in: only a path on this site ("/x", never "//host"). */
export function safeNext(next: string | null): string | null {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

export function loginPath(next?: string): string {
  return next === undefined || next === '/' ? '/login' : `/login?${new URLSearchParams({ next }).toString()}`;
}
