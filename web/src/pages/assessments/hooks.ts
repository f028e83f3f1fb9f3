// State shared by the assessment pages: the assessment itself (loaded once, then updated in place as answers
// are saved), and the saving of one answer row with its version, its field errors and a conflict when
// someone else saved first.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  AssessmentProblem,
  assessmentApi,
  japanToday,
  withEvidence,
  type Answer,
  type AnswerInput,
  type AnswerValue,
  type Assessment,
  type Evidence,
  type NotRequiredReason,
  type Progress,
  type SecondConfirmation,
} from '../../api/assessments';
import { ApiError } from '../../api/http';
import type { Messages } from '../../i18n/ja';
import { answerOf, withAnswer } from './model';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; error: ApiError };

export interface AssessmentState {
  resource: Loaded<Assessment>;
  /** Loads again; `quiet` keeps showing the current data meanwhile. */
  reload: (quiet?: boolean) => Promise<void>;
  replace: (assessment: Assessment) => void;
  applyAnswer: (canonicalId: string, row: string, answer: Answer, progress: Progress | null) => void;
  /** Replaces the evidence list of one row. */
  applyEvidence: (canonicalId: string, row: string, evidence: Evidence[]) => void;
}

export function useAssessment(id: number): AssessmentState {
  const [resource, setResource] = useState<Loaded<Assessment>>({ state: 'loading' });
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(
    async (quiet: boolean) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      if (!quiet) setResource({ state: 'loading' });
      try {
        const data = await assessmentApi.get(id, current.signal);
        if (!current.signal.aborted) setResource({ state: 'ready', data });
      } catch (error) {
        if (current.signal.aborted) return;
        setResource((previous) =>
          quiet && previous.state === 'ready'
            ? previous
            : { state: 'error', error: error instanceof ApiError ? error : new ApiError('invalid', 0, null, null) },
        );
      }
    },
    [id],
  );

  useEffect(() => {
    void load(false);
    return () => controller.current?.abort();
  }, [load]);

  const replace = (assessment: Assessment) => setResource({ state: 'ready', data: assessment });
  const applyAnswer = (canonicalId: string, row: string, answer: Answer, progress: Progress | null) =>
    setResource((previous) =>
      previous.state !== 'ready'
        ? previous
        : {
            state: 'ready',
            data: { ...withAnswer(previous.data, canonicalId, row, answer), ...(progress === null ? {} : { progress }) },
          },
    );
  const applyEvidence = (canonicalId: string, row: string, evidence: Evidence[]) =>
    setResource((previous) =>
      previous.state !== 'ready'
        ? previous
        : {
            state: 'ready',
            data: withAnswer(previous.data, canonicalId, row, withEvidence(answerOf(previous.data, canonicalId, row), evidence)),
          },
    );
  return { resource, reload: (quiet = true) => load(quiet), replace, applyAnswer, applyEvidence };
}

// ---- one answer row ----

export interface Draft {
  value: AnswerValue | null;
  reason: NotRequiredReason | null;
  confirmed_on: string;
  target_date: string;
  second_value: 'yes' | 'no' | '';
  second_confirmed_on: string;
  note: string;
}

export function draftOf(answer: Answer | null): Draft {
  return {
    value: answer?.value ?? null,
    reason: answer?.reason ?? null,
    confirmed_on: answer?.confirmed_on ?? '',
    target_date: answer?.target_date ?? '',
    second_value: answer?.second?.value ?? '',
    second_confirmed_on: answer?.second?.confirmed_on ?? '',
    note: answer?.note ?? '',
  };
}

export interface RowRules {
  latestTargetDate: string;
  hasSecond: boolean;
  /** The gate question: はい or いいえ with a date, never a target date. */
  isGate?: boolean;
}

/** What the server refuses in any text (core/utf8 text_problem): control characters but tab and line breaks, and noncharacters. */
const UNSTORABLE = /(?![\t\n\r])[\p{Cc}\p{Noncharacter_Code_Point}]/u;

/** The checks the server makes, made here first so that the common mistakes are explained at once. */
export function checkDraft(t: Messages, draft: Draft, rules: RowRules, today = japanToday()): Record<string, string> {
  const e = t.assessments.errors;
  const errors: Record<string, string> = {};
  if (draft.value === null) {
    errors['value'] = e.chooseValue;
    return errors;
  }
  if (draft.value !== 'not_required') {
    if (draft.confirmed_on === '') errors['confirmed_on'] = e.confirmedRequired;
    else if (draft.confirmed_on > today) errors['confirmed_on'] = e.confirmedFuture;
  }
  if (draft.value === 'no' && rules.isGate !== true) {
    if (draft.target_date === '') errors['target_date'] = e.targetRequired(rules.latestTargetDate);
    else if (draft.target_date > rules.latestTargetDate) errors['target_date'] = e.targetTooLate(rules.latestTargetDate);
    else if (draft.confirmed_on !== '' && draft.target_date < draft.confirmed_on) errors['target_date'] = e.targetBeforeConfirmed;
  }
  if (rules.hasSecond && draft.second_value !== '') {
    if (draft.value === 'not_required') errors['second'] = e.secondAfterFirst;
    else if (draft.second_confirmed_on === '') errors['second'] = e.secondDate;
    else if (draft.second_confirmed_on > today) errors['second'] = e.confirmedFuture;
    else if (draft.confirmed_on !== '' && draft.second_confirmed_on < draft.confirmed_on) errors['second'] = e.secondAfterFirst;
  }
  if ([...draft.note].length > 2000) errors['note'] = e.noteLong;
  else if (UNSTORABLE.test(draft.note)) errors['note'] = e.noteCharacters;
  return errors;
}

export function inputOf(draft: Draft, version: number, rules: RowRules): AnswerInput {
  const value = draft.value ?? 'yes';
  const second: SecondConfirmation | null =
    rules.hasSecond && draft.second_value !== '' && value !== 'not_required'
      ? { value: draft.second_value, confirmed_on: draft.second_confirmed_on }
      : null;
  return {
    version,
    value,
    reason: value === 'not_required' ? draft.reason : null,
    confirmed_on: draft.confirmed_on === '' ? null : draft.confirmed_on,
    target_date: value === 'no' && rules.isGate !== true && draft.target_date !== '' ? draft.target_date : null,
    ...(rules.hasSecond ? { second } : {}),
    note: draft.note,
  };
}

/** Server messages for fields are English; the page shows its own sentence and keeps the server's beside it. */
function fieldMessages(t: Messages, fields: Readonly<Record<string, string>>): Record<string, string> {
  const e = t.assessments.errors;
  const out: Record<string, string> = {};
  for (const [name, message] of Object.entries(fields)) {
    const field = name.startsWith('second') ? 'second' : name;
    const known: Record<string, string> = {
      value: e.valueRefused,
      reason: e.reasonRefused,
      confirmed_on: e.confirmedRefused,
      target_date: e.targetRefused,
      second: e.secondRefused,
      note: message.includes('at most') ? e.noteLong : e.noteCharacters,
    };
    const text = message === '' ? (known[field] ?? e.refused) : `${known[field] ?? e.refused}（${message}）`;
    out[field] = out[field] === undefined ? text : `${out[field]} ${text}`;
  }
  return out;
}

export type SaveStatus = 'idle' | 'incomplete' | 'saving' | 'saved' | 'error' | 'conflict';

export interface Conflict {
  theirs: Answer;
  mine: Draft;
}

export interface RowSaver {
  draft: Draft;
  status: SaveStatus;
  errors: Record<string, string>;
  /** A problem that is not about one field (network, permission, server). */
  problem: ApiError | null;
  savedAt: Date | null;
  conflict: Conflict | null;
  dirty: boolean;
  /** Changes the draft; `save` "now" sends it at once, "later" after a pause in typing, "no" keeps it. */
  change: (patch: Partial<Draft>, save: 'now' | 'later' | 'no') => void;
  /** Sends the draft (or `override`) now; resolves to true when it was saved. */
  save: (override?: Draft) => Promise<boolean>;
  /** Drops unsaved changes. */
  reset: () => void;
  resolve: (choice: 'theirs' | 'mine') => void;
  /** Takes `answer` as the saved state at once (after a change made elsewhere, e.g. the vendor contract). */
  adopt: (answer: Answer | null) => void;
}

/**
 * Saving one row. Saves go one at a time; a change made while one is running is sent after it, with the
 * version the server answered. A draft that breaks a rule is not sent: the errors say what is missing.
 */
export function useRowSaver({
  t,
  assessmentId,
  canonicalId,
  rowKey,
  answer,
  rules,
  onSaved,
}: {
  t: Messages;
  assessmentId: number;
  canonicalId: string;
  rowKey: string;
  answer: Answer | null;
  rules: RowRules;
  onSaved: (answer: Answer, progress: Progress | null) => void;
}): RowSaver {
  const [draft, setDraft] = useState<Draft>(() => draftOf(answer));
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [dirty, setDirty] = useState(false);
  const draftRef = useRef(draft);
  const version = useRef(answer?.version ?? 0);
  const running = useRef(false);
  const again = useRef(false);
  const timer = useRef<number | null>(null);
  const dirtyRef = useRef(false);
  const saved = useRef(onSaved);
  saved.current = onSaved;

  // A newer answer from elsewhere (a reload, the gate question, an import) replaces a draft with no edits.
  useEffect(() => {
    const incoming = answer?.version ?? 0;
    if (incoming > version.current && !dirtyRef.current && !running.current) {
      version.current = incoming;
      const next = draftOf(answer);
      draftRef.current = next;
      setDraft(next);
    } else if (answer !== null && incoming === version.current && !dirtyRef.current && !running.current) {
      // Same version, possibly more fields (e.g. evidence); keep the draft in step.
      const next = draftOf(answer);
      draftRef.current = next;
      setDraft(next);
    }
  }, [answer]);

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  const setDirtyBoth = (value: boolean) => {
    dirtyRef.current = value;
    setDirty(value);
  };

  const send = async (): Promise<boolean> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    if (running.current) {
      again.current = true;
      return false;
    }
    const sent = draftRef.current;
    const found = checkDraft(t, sent, rules);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setProblem(null);
      setStatus('incomplete');
      return false;
    }
    running.current = true;
    setStatus('saving');
    setProblem(null);
    let ok = false;
    try {
      const result = await assessmentApi.saveAnswer(assessmentId, canonicalId, rowKey, inputOf(sent, version.current, rules));
      version.current = result.answer.version;
      ok = true;
      setErrors({});
      setSavedAt(new Date());
      setStatus('saved');
      if (draftRef.current === sent) setDirtyBoth(false);
      saved.current(result.answer, result.progress);
    } catch (error) {
      if (error instanceof AssessmentProblem && error.status === 409 && error.current !== null) {
        again.current = false;
        setConflict({ theirs: error.current, mine: sent });
        setStatus('conflict');
      } else if (error instanceof AssessmentProblem && Object.keys(error.fields).length > 0) {
        setErrors(fieldMessages(t, error.fields));
        setProblem(error);
        setStatus('error');
      } else {
        setProblem(error instanceof ApiError ? error : new ApiError('invalid', 0, null, null));
        setStatus('error');
      }
    } finally {
      running.current = false;
    }
    if (again.current) {
      again.current = false;
      if (draftRef.current !== sent) return send();
    }
    return ok;
  };

  const change = (patch: Partial<Draft>, save: 'now' | 'later' | 'no') => {
    const next = { ...draftRef.current, ...patch };
    draftRef.current = next;
    setDraft(next);
    setDirtyBoth(true);
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    if (save === 'now') void send();
    else if (save === 'later') timer.current = window.setTimeout(() => void send(), 900);
    else {
      setStatus((current) => (current === 'conflict' ? current : 'idle'));
    }
  };

  const save = (override?: Draft) => {
    if (override !== undefined) {
      draftRef.current = override;
      setDraft(override);
      setDirtyBoth(true);
    }
    return send();
  };

  const reset = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const next = draftOf(answer);
    draftRef.current = next;
    setDraft(next);
    setErrors({});
    setProblem(null);
    setStatus('idle');
    setDirtyBoth(false);
  };

  const resolve = (choice: 'theirs' | 'mine') => {
    const current = conflict;
    if (current === null) return;
    setConflict(null);
    version.current = current.theirs.version;
    if (choice === 'theirs') {
      const next = draftOf(current.theirs);
      draftRef.current = next;
      setDraft(next);
      setDirtyBoth(false);
      setStatus('idle');
      saved.current(current.theirs, null);
    } else {
      draftRef.current = current.mine;
      setDraft(current.mine);
      void send();
    }
  };

  const adopt = (next: Answer | null) => {
    if (next !== null) version.current = Math.max(version.current, next.version);
    const fresh = draftOf(next);
    draftRef.current = fresh;
    setDraft(fresh);
    setDirtyBoth(false);
  };

  return { draft, status, errors, problem, savedAt, conflict, dirty, change, save, reset, resolve, adopt };
}
