// One questionnaire as an institution answers it (調査への回答): the questions with their options (a question
// whose condition is not met is hidden), 「下書き保存」 with the revision the page read (another save in the
// meantime is a 409: the page says so and offers to reload), 「提出」 (the server lists the required questions
// still unanswered; the page links each), and the revision history. Read-only for a user who cannot edit or
// while the questionnaire is closed. An organisation the questionnaire does not target gets the not-found page.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { describeProblem } from '../../auth/problems';
import { langOf, useI18n } from '../../i18n';
import { Link } from '../../router';
import { bigPrimaryButtonClass, buttonClass, h1Class, InfoNotice, leadClass, linkClass, ProblemBox } from '../account/ui';
import { Breadcrumbs, Loaded } from '../catalog/ui';
import { NotFound } from '../NotFound';
import { answersToSend, knownAnswers, missingQuestions, sameAnswers, shownQuestions } from './model';
import { QuestionField, questionAnchor, radioId } from './QuestionField';
import { surveysPaths } from './routes';
import { SurveyHistory } from './SurveyHistory';
import { personName, refusalOf, surveysApi, type Answers, type Question, type Refusal, type Survey } from './surveysApi';
import { DataText, SurveyStatus, usePick, useQuestionName, useWhen } from './ui';

type Busy = 'save' | 'submit' | null;
type Done = { kind: 'saved' | 'submitted'; at: string } | null;

function focusQuestion(question: Question | undefined): void {
  if (question === undefined) return;
  const first = question.options[0];
  const checked = document.querySelector<HTMLInputElement>(`input[name="answer-${question.id}"]:checked`);
  const target = checked ?? (first === undefined ? null : document.getElementById(radioId(question.id, first.id)));
  const fieldset = document.getElementById(questionAnchor(question.id));
  fieldset?.scrollIntoView({ block: 'start' });
  (target ?? fieldset)?.focus();
}

function RefusalBox({ refusal, questions, onReload }: { refusal: Refusal; questions: Question[]; onReload: () => void }) {
  const { t, language } = useI18n();
  const s = t.surveys;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [refusal]);
  const listed = (ids: string[]) => {
    const known = ids.map((id) => questions.find((question) => question.id === id)).filter((q): q is Question => q !== undefined);
    return (
      <ul class="mt-2 list-disc pl-6 text-std-16N-170" data-testid="survey-missing">
        {known.map((question) => (
          <li key={question.id}>
            <a
              href={`#${questionAnchor(question.id)}`}
              class="text-error-1 underline underline-offset-2"
              onClick={(event) => {
                event.preventDefault();
                focusQuestion(question);
              }}
            >
              {question.number !== null && `${question.number} `}
              <DataText ja={question.text_ja} en={question.text_en} />
            </a>
          </li>
        ))}
      </ul>
    );
  };
  const frame = (title: string, children: ComponentChildren, testId: string) => (
    <div ref={box} tabIndex={-1} role="alert" class="mt-6 rounded-8 border-2 border-error-1 bg-red-50 p-4 md:p-5" data-testid={testId}>
      <p class="text-std-18B-160 text-error-1">{title}</p>
      {children}
    </div>
  );
  switch (refusal.kind) {
    case 'stale':
      return frame(
        s.staleTitle,
        <>
          <p class="mt-2 text-std-16N-170">{s.staleBody}</p>
          <p class="mt-4">
            <button type="button" class={buttonClass} onClick={onReload} data-testid="survey-reload">
              {s.reload}
            </button>
          </p>
        </>,
        'survey-stale',
      );
    case 'closed':
      return frame(s.closedBody, null, 'survey-closed');
    case 'incomplete':
      return frame(s.incompleteTitle, <><p class="mt-2 text-std-16N-170">{refusal.onSave === true ? s.incompleteSaveBody : s.incompleteBody}</p>{listed(refusal.missing)}</>, 'survey-incomplete');
    case 'invalid':
      return frame(s.invalidTitle, <><p class="mt-2 text-std-16N-170">{s.invalidBody}</p>{listed(refusal.questions)}</>, 'survey-invalid');
    case 'other':
      return <ProblemBox problem={describeProblem(t, language, refusal.error)} />;
  }
}

function QuestionnaireForm({ loaded, onReload }: { loaded: Survey; onReload: () => void }) {
  const { t } = useI18n();
  const s = t.surveys;
  const pick = usePick();
  const name = useQuestionName();
  const when = useWhen();
  const [survey, setSurvey] = useState(loaded);
  const saved = knownAnswers(survey.questions, survey.response.answers);
  const [draft, setDraft] = useState<Answers>(saved);
  const [busy, setBusy] = useState<Busy>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<Done>(null);
  const [refresh, setRefresh] = useState(0);
  const questions = survey.questions;
  const shown = shownQuestions(questions, draft);
  const editable = survey.can_edit && survey.open;
  const dirty = !sameAnswers(answersToSend(questions, draft, saved), answersToSend(questions, saved, saved));
  const window = s.window(when(survey.opens), when(survey.closes));
  const problemQuestions = new Set(refusal?.kind === 'incomplete' ? refusal.missing : refusal?.kind === 'invalid' ? refusal.questions : []);
  const title = pick(survey.title_ja, survey.title_en);

  const accept = (next: Survey, kind: 'saved' | 'submitted') => {
    setSurvey(next);
    setDraft(knownAnswers(next.questions, next.response.answers));
    setDone({ kind, at: new Date().toISOString() });
    setRefresh((n) => n + 1);
  };

  const save = async (): Promise<Survey | null> => {
    const next = await surveysApi.save(survey.questionnaire, survey.version, survey.response.revision, answersToSend(questions, draft, saved));
    accept(next, 'saved');
    return next;
  };

  const run = async (kind: 'save' | 'submit') => {
    if (busy !== null) return;
    setBusy(kind);
    setRefusal(null);
    setDone(null);
    try {
      if (kind === 'save') {
        await save();
      } else {
        const current = dirty ? await save() : survey;
        if (current !== null) accept(await surveysApi.submit(current.questionnaire, current.version, current.response.revision), 'submitted');
      }
    } catch (error) {
      const refused = refusalOf(error);
      // Saving a submitted response keeps it submitted, so the server wants it complete then too.
      setRefusal(refused.kind === 'incomplete' && kind === 'save' ? { ...refused, onSave: true } : refused);
      setDone(null);
    } finally {
      setBusy(null);
    }
  };

  const becauseOf = (question: Question) => {
    const condition = question.shown_if;
    if (condition === null) return null;
    const parent = questions.find((candidate) => candidate.id === condition.question);
    const option = parent?.options.find((candidate) => candidate.id === draft[condition.question]);
    return parent === undefined || option === undefined ? null : { number: name(parent), option: pick(option.label_ja, option.label_en) };
  };

  const shownList = questions.filter((question) => shown.has(question.id));
  const answered = shownList.filter((question) => (draft[question.id] ?? null) !== null).length;
  const localMissing = new Set(missingQuestions(questions, draft));

  return (
    <div data-testid="survey-page" data-status={survey.response.status} data-revision={survey.response.revision}>
      <Breadcrumbs items={[{ label: s.listTitle, href: surveysPaths.list }, { label: title }]} />
      <h1 class={h1Class}>{title}</h1>
      <p class="mt-2 text-std-16N-170 text-solid-gray-800">{s.yearName(survey.fiscal_year)}</p>
      <div class="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-std-16N-170">
        <SurveyStatus status={survey.response.status} />
        <span data-testid="survey-window">{s.windowLine(window, survey.open)}</span>
        <span data-testid="survey-progress">{s.progress(answered, shownList.length)}</span>
      </div>
      {survey.response.updated_at !== null && (
        <p class="mt-2 text-dns-14N-130 text-solid-gray-700">
          {s.columns.updated}: {when(survey.response.updated_at)}
          {personName(survey.response.updated_by) !== '' && <> — <span {...(langOf(personName(survey.response.updated_by)) === undefined ? {} : { lang: 'ja' })}>{personName(survey.response.updated_by)}</span></>}
        </p>
      )}
      <p class={leadClass}>{s.lead}</p>
      {survey.source !== null && (
        <details class="mt-4 max-w-3xl rounded-8 border border-solid-gray-420 p-4" data-testid="survey-source">
          <summary class="cursor-pointer text-std-16B-170">{s.aboutTitle}</summary>
          <p class="mt-2 text-std-16N-170">
            <DataText ja={survey.source.note_ja} en={survey.source.note_en} />
          </p>
          {survey.source.url !== null && /^https?:\/\//.test(survey.source.url) && (
            <p class="mt-2 text-std-16N-170">
              <a href={survey.source.url} class={linkClass} rel="noreferrer noopener" target="_blank">
                {s.source}
              </a>
            </p>
          )}
        </details>
      )}
      {!survey.can_edit && <InfoNotice testId="survey-read-only">{s.readOnlyRole}</InfoNotice>}
      {survey.can_edit && !survey.open && <InfoNotice testId="survey-read-only">{s.readOnlyClosed(window)}</InfoNotice>}
      {editable && survey.response.status === 'submitted' && <InfoNotice testId="survey-resubmit">{s.resubmitNote}</InfoNotice>}
      {refusal !== null && <RefusalBox refusal={refusal} questions={questions} onReload={onReload} />}
      <form
        noValidate
        class="max-w-4xl"
        onSubmit={(event) => {
          event.preventDefault();
          void run('save');
        }}
      >
        {shownList.map((question) => (
          <QuestionField
            key={question.id}
            question={question}
            value={draft[question.id] ?? null}
            disabled={!editable || busy !== null}
            error={problemQuestions.has(question.id) ? (refusal?.kind === 'incomplete' && localMissing.has(question.id) ? s.questionMissing : refusal?.kind === 'invalid' ? s.questionError : null) : null}
            because={becauseOf(question)}
            onChange={(value) => {
              setDraft((current) => ({ ...current, [question.id]: value }));
              setDone(null);
            }}
          />
        ))}
        {editable && (
          <div class="mt-8 border-t border-solid-gray-420 pt-4" data-testid="survey-actions">
            <p class="text-std-16N-170 text-solid-gray-800">{s.submitLead}</p>
            <div class="mt-3 flex flex-wrap items-center gap-3">
              <button type="submit" class={`${buttonClass} min-h-14 px-5`} disabled={busy !== null} data-testid="survey-save">
                {busy === 'save' ? s.saving : s.save}
              </button>
              <button type="button" class={bigPrimaryButtonClass} disabled={busy !== null} onClick={() => void run('submit')} data-testid="survey-submit">
                {busy === 'submit' ? s.submitting : s.submit}
              </button>
              <p role="status" class="text-std-16N-170" data-testid="survey-save-status">
                {done !== null ? (
                  <span class="font-bold text-green-1000">
                    <span aria-hidden="true">✓ </span>
                    {done.kind === 'submitted' ? s.submittedNotice : s.savedAt(when(done.at))}
                  </span>
                ) : dirty ? (
                  <span class="text-solid-gray-800">{s.unsaved}</span>
                ) : null}
              </p>
            </div>
          </div>
        )}
      </form>
      <SurveyHistory questionnaire={survey.questionnaire} version={survey.version} questions={questions} refresh={refresh} />
      <p class="mt-8">
        <Link href={surveysPaths.list} class={`text-std-16N-170 ${linkClass}`}>
          {s.listTitle}
        </Link>
      </p>
    </div>
  );
}

export function QuestionnairePage({ questionnaire, version }: { questionnaire: string; version: string }) {
  const [survey, reload] = useResource(`survey/${questionnaire}/${version}`, (signal) => surveysApi.get(questionnaire, version, signal));
  const [loads, setLoads] = useState(0);
  if (survey.state === 'error' && survey.error.status === 404) return <NotFound />;
  return (
    <Loaded resource={survey} reload={reload}>
      {(data) => (
        <QuestionnaireForm
          key={`${loads}`}
          loaded={data}
          onReload={() => {
            setLoads((n) => n + 1);
            reload();
          }}
        />
      )}
    </Loaded>
  );
}

