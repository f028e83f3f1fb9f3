// What the questionnaire page works out from the questions and the answers being edited: which questions are
// shown (a question with `shown_if` only when the question it depends on is shown and answered with one of the
// listed options), which required ones are still unanswered, and what a save sends.
import type { Answers, Question } from './surveysApi';

export function shownQuestions(questions: readonly Question[], answers: Answers): Set<string> {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const shown = new Map<string, boolean>();
  // Depth-limited: a cycle in the data (which the server should never send) hides the questions in it.
  const visit = (question: Question, depth: number): boolean => {
    const known = shown.get(question.id);
    if (known !== undefined) return known;
    let result = true;
    const condition = question.shown_if;
    if (condition !== null) {
      const parent = byId.get(condition.question);
      const answer = answers[condition.question] ?? null;
      result = depth < 16 && parent !== undefined && visit(parent, depth + 1) && answer !== null && condition.options.includes(answer);
    }
    shown.set(question.id, result);
    return result;
  };
  return new Set(questions.filter((question) => visit(question, 0)).map((question) => question.id));
}

/** The required questions that are shown and unanswered, in the questionnaire's order. */
export function missingQuestions(questions: readonly Question[], answers: Answers): string[] {
  const shown = shownQuestions(questions, answers);
  return questions.filter((question) => question.required && shown.has(question.id) && (answers[question.id] ?? null) === null).map((q) => q.id);
}

/**
 * The answers a save sends: those of the shown questions, and null for every other question that had a saved
 * answer (a hidden question may not keep one: the server refuses an answer whose condition is not met).
 */
export function answersToSend(questions: readonly Question[], draft: Answers, saved: Answers): Answers {
  const shown = shownQuestions(questions, draft);
  const out: Answers = {};
  for (const question of questions) {
    const value = shown.has(question.id) ? (draft[question.id] ?? null) : null;
    if (value !== null || (saved[question.id] ?? null) !== null) out[question.id] = value;
  }
  return out;
}

export function sameAnswers(a: Answers, b: Answers): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if ((a[key] ?? null) !== (b[key] ?? null)) return false;
  return true;
}

/** Answers the page reads as "answered": only ids of known questions with a known option. */
export function knownAnswers(questions: readonly Question[], answers: Answers): Answers {
  const out: Answers = {};
  for (const question of questions) {
    const value = answers[question.id];
    if (typeof value === 'string' && question.options.some((option) => option.id === value)) out[question.id] = value;
  }
  return out;
}
