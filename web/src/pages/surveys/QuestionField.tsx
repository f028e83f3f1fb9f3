// One question of a questionnaire: a fieldset whose legend is the number, the text and 「必須」, a radio per
// option (each label tied to its input), a button that clears the answer, and under it how the question is
// worded and how sure its content is, in words. An error from a refused save or submission sits under the
// legend and is tied to the group.
import { useI18n } from '../../i18n';
import { linkClass, textButtonClass } from '../account/ui';
import type { Question } from './surveysApi';
import { DataText, usePick, useQuestionName } from './ui';

export function radioId(question: string, option: string): string {
  return `answer-${question}-${option}`;
}

export function questionAnchor(question: string): string {
  return `question-${question}`;
}

const isUrl = (text: string | null): text is string => text !== null && /^https?:\/\/\S+$/.test(text);

export function QuestionField({
  question,
  value,
  onChange,
  disabled,
  error,
  because,
}: {
  question: Question;
  value: string | null;
  onChange: (value: string | null) => void;
  disabled: boolean;
  error: string | null;
  /** The question and option that made this question appear, when it has a condition. */
  because: { number: string; option: string } | null;
}) {
  const { t } = useI18n();
  const s = t.surveys;
  const pick = usePick();
  const name = useQuestionName();
  const notesId = `${question.id}-notes`;
  const errorId = `${question.id}-error`;
  return (
    <fieldset
      id={questionAnchor(question.id)}
      tabIndex={-1}
      class={`mt-6 rounded-8 border p-4 md:p-5 ${error === null ? 'border-solid-gray-420' : 'border-2 border-error-1'}`}
      aria-describedby={error === null ? notesId : `${errorId} ${notesId}`}
      data-testid="survey-question"
      data-question={question.id}
    >
      <legend class="float-left w-full text-std-18B-160 text-solid-gray-900">
        {question.number !== null && <span class="mr-2">{question.number}</span>}
        <DataText ja={question.text_ja} en={question.text_en} />
        {question.required ? (
          <span class="ml-2 inline-block rounded-4 bg-red-900 px-1.5 py-0.5 align-middle text-dns-14B-120 text-white" data-testid="required-mark">
            {s.required}
          </span>
        ) : (
          <span class="ml-2 inline-block rounded-4 border border-solid-gray-536 px-1.5 py-0.5 align-middle text-dns-14B-120 text-solid-gray-800">{s.optional}</span>
        )}
      </legend>
      <div class="clear-left" />
      {because !== null && (
        <p class="mt-1 text-std-16N-170 text-solid-gray-800" data-testid="shown-because">
          <span aria-hidden="true">↳ </span>
          {s.shownBecause(because.number, because.option)}
        </p>
      )}
      {error !== null && (
        <p id={errorId} class="mt-2 text-std-16B-170 text-error-1" data-testid="question-error">
          <span aria-hidden="true">＊</span>
          {error}
        </p>
      )}
      <div class="mt-3 grid gap-2">
        {question.options.map((option) => {
          const id = radioId(question.id, option.id);
          const checked = value === option.id;
          return (
            <div
              key={option.id}
              class={`flex items-center gap-3 rounded-8 border px-3 py-2 ${checked ? 'border-blue-900 bg-blue-50' : 'border-solid-gray-420 bg-white'} ${disabled ? '' : 'hover:border-blue-900'}`}
            >
              <input
                id={id}
                type="radio"
                name={`answer-${question.id}`}
                value={option.id}
                checked={checked}
                disabled={disabled}
                onChange={() => onChange(option.id)}
                class="h-6 w-6 shrink-0 accent-blue-900"
              />
              <label for={id} class={`min-h-8 flex-1 py-1 text-std-16N-170 ${disabled ? 'text-solid-gray-800' : 'cursor-pointer'}`}>
                <DataText ja={option.label_ja} en={option.label_en} />
              </label>
            </div>
          );
        })}
      </div>
      {!disabled && value !== null && (
        <p class="mt-2">
          <button type="button" class={textButtonClass} aria-label={s.clearAnswerFor(name(question))} onClick={() => onChange(null)}>
            {s.clearAnswer}
          </button>
        </p>
      )}
      <p id={notesId} class="mt-3 text-dns-14N-130 text-solid-gray-700" data-testid="question-notes">
        {question.wording === 'mamori' ? s.wordingMamori : s.wordingOfficial} {s.confidence[question.confidence] ?? s.confidence['?']}
        {isUrl(question.source) && (
          <>
            {' '}
            <a href={question.source} class={linkClass} rel="noreferrer noopener" target="_blank" aria-label={`${s.source}: ${pick(question.text_ja, question.text_en)}`}>
              {s.source}
            </a>
          </>
        )}
      </p>
    </fieldset>
  );
}
