// Turns an API problem into what a page shows: a Japanese (or English) sentence for the whole problem,
// messages for the fields it names, and the server's own `detail` as a secondary line in the English UI.
import { ApiError } from '../api/http';
import type { Language } from '../i18n';
import type { Messages } from '../i18n/ja';
import { formatJst, lockedUntil } from './format';
import { ProblemError } from './request';

export interface ShownProblem {
  message: string;
  /** The server's English `detail`: shown smaller under the message in the English UI only (never on a Japanese screen). */
  detail: string | null;
  /** Messages for input fields, by the API's field name ("password", "login", "roles", …). */
  fields: Record<string, string>;
}

/** Where the problem happened, for the few answers whose meaning depends on it. */
export type ProblemContext = 'login' | 'code' | 'setup' | 'enrolment' | 'invitation' | 'reset' | 'other';

function passwordMessage(t: Messages, detail: string): string {
  const minimum = /at least (\d+) characters/.exec(detail);
  if (minimum?.[1] !== undefined) return t.identity.fieldErrors.passwordShort(Number(minimum[1]));
  if (detail.includes('login name')) return t.identity.fieldErrors.passwordIsLogin;
  return t.identity.fieldErrors.passwordInvalid;
}

function fieldMessage(t: Messages, field: string, code: string | null, detail: string, context: ProblemContext): string {
  const f = t.identity.fieldErrors;
  switch (field) {
    case 'password':
    case 'new_password':
      return passwordMessage(t, detail);
    case 'current_password':
      return f.currentPassword;
    case 'login':
      return code === 'conflict' ? t.recovery.loginExists : f.email;
    case 'display_name':
      return f.displayName;
    case 'organisation_name':
      return f.organisationName;
    case 'organisation_kind':
      return context === 'setup' ? t.organisationSetup.errors.kind : f.choose(t.identity.setup.kind);
    case 'organisation_id':
      return t.organisationSetup.errors.picked;
    case 'purpose':
      return t.organisationSetup.errors.purpose;
    case 'facility_id':
      return code === 'conflict' ? t.organisationSetup.errors.facilityTaken : t.organisationSetup.errors.facilityId;
    case 'prefecture_code':
      return t.organisationSetup.errors.prefecture;
    case 'municipality_code':
      return t.organisationSetup.errors.municipality;
    case 'query':
      return t.organisationSetup.errors.query;
    case 'address':
      return t.organisationSetup.errors.address;
    case 'setup_code':
      return f.setupCode;
    case 'code':
      if (context === 'enrolment') return t.recovery.totpMismatch;
      if (context !== 'invitation') return f.totpMismatch;
      return code === 'conflict' ? f.administratorTaken : f.invitationCode;
    case 'name':
      return f.tokenName;
    case 'expires_in_days':
      return f.tokenDays;
    case 'roles':
      return code === 'conflict' ? f.ownAdministrator : f.roles;
    case 'disabled':
      return f.ownDisable;
    default:
      return t.problemFields[field] ?? f.invalid;
  }
}

export function describeProblem(t: Messages, language: Language, error: unknown, context: ProblemContext = 'other'): ShownProblem {
  const p = t.identity.problems;
  if (!(error instanceof ApiError)) return { message: p.invalid, detail: null, fields: {} };
  if (error.kind === 'network') return { message: p.network, detail: null, fields: {} };
  if (error.kind === 'invalid') return { message: p.invalid, detail: null, fields: {} };

  const detail = error.detail;
  const fields: Record<string, string> = {};
  let field: string | null = null;
  if (error instanceof ProblemError) {
    for (const problem of error.fields) {
      const name = problem.field.replace(/\[\d+\]$/, '');
      fields[name] ??= fieldMessage(t, name, error.code, problem.message || (detail ?? ''), context);
    }
    field = error.field();
  }
  const shown = (message: string): ShownProblem => ({ message, detail, fields });

  switch (error.code ?? '') {
    case 'invalid_input': {
      const single = field === null ? undefined : fields[field];
      return shown(Object.keys(fields).length === 1 && single !== undefined ? single : p.invalidInput);
    }
    case 'unauthenticated':
      if (context === 'login') return shown(p.wrongCredentials);
      if (context === 'code' && (detail ?? '').includes('code')) return shown(p.wrongCode);
      return shown(p.sessionEnded);
    case 'rate_limited': {
      const until = lockedUntil(detail);
      return shown(until === null ? p.lockedNoTime : p.locked(formatJst(until, language)));
    }
    case 'forbidden':
      if (field === 'setup_code') return shown(fields['setup_code'] ?? p.forbidden);
      return shown(field === 'X-CSRF-Token' || (detail ?? '').includes('CSRF') ? p.csrf : p.forbidden);
    case 'not_found':
      return shown(p.notFound);
    case 'conflict': {
      if (context === 'setup' && field === null) return shown(p.alreadySetUp);
      if (context === 'reset' && field === null) return shown(t.recovery.ownReset);
      if (context === 'enrolment') return shown((detail ?? '').includes('already') ? p.mfaAlreadyOn : p.mfaNotStarted);
      const single = field === null ? undefined : fields[field];
      return shown(single ?? p.conflict);
    }
    case 'unavailable':
      return shown(p.unavailable);
    default:
      if (error.status === 401) return shown(context === 'login' ? p.wrongCredentials : p.sessionEnded);
      if (error.status === 429) return shown(p.lockedNoTime);
      if (error.status === 503) return shown(p.unavailable);
      if (error.status >= 400 && error.status < 500) return shown(p.invalidInput);
      return shown(p.server);
  }
}
