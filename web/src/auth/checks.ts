// Checks made in the page before anything is sent, with the same rules as the server, so that the
// common mistakes are explained at once and next to the field.
import type { Messages } from '../i18n/ja';

export function characters(text: string): number {
  return [...text].length;
}

export function looksLikeEmail(text: string): boolean {
  const value = text.trim();
  return value.length >= 3 && value.length <= 254 && value.includes('@') && !/\s/.test(value);
}

/** The Guideline 6.0 Q&A rule: at least 13 characters, or 8 with two-factor authentication. */
export function passwordProblem(t: Messages, password: string, login: string, mfa: boolean): string | null {
  const minimum = mfa ? 8 : 13;
  if (password === '') return t.identity.fieldErrors.passwordShort(minimum);
  if (characters(password) < minimum) return t.identity.fieldErrors.passwordShort(minimum);
  if (login !== '' && password === login.trim()) return t.identity.fieldErrors.passwordIsLogin;
  return null;
}
