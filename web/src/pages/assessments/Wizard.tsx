// /assessments/{id}/wizard[/{step}]: one item per screen for people without IT staff. The question in large
// text, the plain explanation (意味 / やり方 / 証拠) beside it on a wide screen and below it on a tablet, big
// はい / いいえ / 記入不要 buttons, dates, a note and evidence, saved on every change. Without a step it resumes
// at the first row still to answer; after the last item comes a summary with the submission.
import { useEffect, useState } from 'preact/hooks';
import type { Answer, Assessment, AssessmentItem, AssessmentRow, Progress } from '../../api/assessments';
import { gateRowKey } from '../../api/assessments';
import { RequireSession } from '../../auth/RequireSession';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { buttonClass, h1Class, h2Class, InfoNotice, WarningNotice } from '../account/ui';
import { Breadcrumbs, linkClass } from '../catalog/ui';
import { AnswerForm } from './AnswerForm';
import { useAssessment, useRowSaver, type AssessmentState } from './hooks';
import {
  allRows,
  gateAnsweredNo,
  needsWork,
  pickText,
  resumeStep,
  rowLabelOf,
  rowName,
  stepOfItem,
  stepsOf,
  valueLabel,
  type Step,
} from './model';
import { assessmentPaths } from './routes';
import { SubmitPanel } from './SubmitPanel';
import { Explanation, problemText, todayIso, WithAssessment } from './ui';
import { EvidencePanel } from './EvidencePanel';
import { NewBadge, ProgressBar, ReconfirmBadge, ValueChip } from './badges';
import { ConflictDialog, HistoryDialog } from './dialogs';
import { SaveStatusLine } from './fields';
import { ProblemBox } from '../account/ui';
import { assessmentTitle } from './Overview';

const navButton =
  'inline-flex min-h-14 min-w-32 items-center justify-center gap-2 rounded-8 border-2 border-blue-900 px-5 text-std-18B-160';

function RowBlock({
  state,
  assessment,
  item,
  row,
  multiple,
}: {
  state: AssessmentState;
  assessment: Assessment;
  item: AssessmentItem | null;
  row: AssessmentRow | null;
  multiple: boolean;
}) {
  const { t, language } = useI18n();
  const a = t.assessments;
  const canonicalId = item?.canonical_id ?? assessment.gate?.canonical_id ?? 'PRE-00';
  const rowKey = row?.key ?? gateRowKey;
  const answer: Answer | null = row === null ? (assessment.gate?.answer ?? null) : row.answer;
  const idPrefix = `${canonicalId}-${rowKey}`.replace(/[^A-Za-z0-9-]/g, '-');
  const [historyOpen, setHistoryOpen] = useState(false);
  const editable = assessment.permissions.edit && assessment.status === 'draft';
  const onSaved = (saved: Answer, progress: Progress | null) => {
    state.applyAnswer(canonicalId, rowKey, saved, progress);
    // The gate question changes which items apply: fetch them again.
    if (item === null) void state.reload(true);
  };
  const saver = useRowSaver({
    t,
    assessmentId: assessment.id,
    canonicalId,
    rowKey,
    answer,
    rules: {
      latestTargetDate: row?.latest_target_date ?? `${assessment.fiscal_year + 1}-03-31`,
      hasSecond: assessment.form.has_second_confirmation && item !== null,
      isGate: item === null,
    },
    onSaved,
  });
  const title = item === null ? a.gateTitle : row === null ? item.number : rowName(t, language, item, row);
  const label = row === null ? null : rowLabelOf(t, language, row);

  const body = (
    <div class="grid gap-4">
      {answer?.needs_reconfirmation === true && (
        <WarningNotice heading={a.reconfirmHeading} testId="reconfirm-notice">
          <p>{a.reconfirmBody}</p>
          {editable && saver.draft.value !== null && (
            <p class="mt-3">
              <button
                type="button"
                class={buttonClass}
                disabled={saver.status === 'saving'}
                data-testid="reconfirm-save"
                onClick={() => void saver.save({ ...saver.draft, confirmed_on: saver.draft.confirmed_on === '' ? todayIso() : saver.draft.confirmed_on })}
              >
                {a.reconfirmSave(valueLabel(t, answer))}
              </button>
            </p>
          )}
        </WarningNotice>
      )}
      <AnswerForm
        idPrefix={idPrefix}
        assessment={assessment}
        item={item}
        row={row}
        saver={saver}
        mode="auto"
        large
        editable={editable}
        replace={state.replace}
      />
      <SaveStatusLine saver={saver} gate={item === null} />
      {saver.problem !== null && saver.status === 'error' && <ProblemBox problem={problemText(t, language, saver.problem)} />}
      {item !== null && (
        <EvidencePanel
          assessmentId={assessment.id}
          canonicalId={canonicalId}
          rowKey={rowKey}
          idPrefix={idPrefix}
          answer={answer}
          editable={editable}
          onChange={(evidence) => state.applyEvidence(canonicalId, rowKey, evidence)}
        />
      )}
      {answer !== null && (
        <p>
          <button type="button" class={`inline-flex min-h-11 items-center text-std-16N-170 ${linkClass}`} onClick={() => setHistoryOpen(true)}>
            {a.history.open}
            <span class="sr-only">{`（${title}）`}</span>
          </button>
        </p>
      )}
      <ConflictDialog saver={saver} rowTitle={title} />
      <HistoryDialog
        assessmentId={assessment.id}
        canonicalId={canonicalId}
        rowKey={rowKey}
        rowTitle={title}
        open={historyOpen}
        onClose={() => setHistoryOpen(false)}
      />
    </div>
  );

  if (!multiple) {
    return (
      <div data-testid="wizard-row" data-row={rowKey} data-canonical-id={canonicalId}>
        {body}
      </div>
    );
  }
  return (
    <fieldset
      class="rounded-8 border-2 border-solid-gray-420 p-4 md:p-5"
      data-testid="wizard-row"
      data-row={rowKey}
      data-canonical-id={canonicalId}
    >
      <legend class="px-2 text-std-20B-150 text-solid-gray-900">
        {label}
        <span class="ml-2 align-middle">
          <ValueChip answer={answer} />
        </span>
      </legend>
      {body}
    </fieldset>
  );
}

function gateExplanation(language: 'ja' | 'en', gate: NonNullable<Assessment['gate']>): { meaning: string; how: string; evidence: string } {
  const pickPart = (value: unknown, key: string): string => {
    if (typeof value === 'string') return key.startsWith('meaning') ? value : '';
    if (typeof value === 'object' && value !== null) {
      const part = (value as Record<string, unknown>)[key];
      return typeof part === 'string' ? part : '';
    }
    return '';
  };
  if (language === 'en') {
    return {
      meaning: pickPart(gate.explanation_en, 'meaning_en') || pickPart(gate.explanation_ja, 'meaning_ja'),
      how: pickPart(gate.explanation_en, 'how_en') || pickPart(gate.explanation_ja, 'how_ja'),
      evidence: pickPart(gate.explanation_en, 'evidence_en') || pickPart(gate.explanation_ja, 'evidence_ja'),
    };
  }
  return {
    meaning: pickPart(gate.explanation_ja, 'meaning_ja'),
    how: pickPart(gate.explanation_ja, 'how_ja'),
    evidence: pickPart(gate.explanation_ja, 'evidence_ja'),
  };
}

function GateNotice() {
  const { t } = useI18n();
  return (
    <InfoNotice testId="gate-notice">
      <p class="text-std-16B-170">
        <span aria-hidden="true" class="mr-2">
          ℹ
        </span>
        {t.assessments.gateNoNotice}
      </p>
    </InfoNotice>
  );
}

function StepScreen({ state, assessment, step }: { state: AssessmentState; assessment: Assessment; step: Step }) {
  const { t, language } = useI18n();
  const a = t.assessments;
  const gateNo = gateAnsweredNo(assessment);

  if (step.kind === 'gate') {
    const gate = assessment.gate;
    if (gate === null) return null;
    const explanation = gateExplanation(language, gate);
    return (
      <div class="mt-4 grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div class="grid content-start gap-4">
          <p class="text-std-16B-170 text-solid-gray-700">{a.gateHeading(gate.heading_ja)}</p>
          <h1 class={`${h1Class} md:text-std-32B-150`} data-testid="wizard-question">
            {pickText(language, gate.question_ja, gate.question_en)}
          </h1>
          {language === 'en' && (
            <p class="text-std-16N-170 text-solid-gray-800">
              <span class="text-dns-14N-130 text-solid-gray-700">{t.catalog.officialWording}: </span>
              <span lang="ja">{gate.question_ja}</span>
            </p>
          )}
          <p class="text-std-16N-170">{pickText(language, gate.effect_ja, gate.effect_en)}</p>
          {gateNo && <GateNotice />}
        </div>
        <div class="lg:col-start-2 lg:row-span-2 lg:row-start-1">
          <Explanation {...explanation} headingLevel={2} />
        </div>
        <div>
          <RowBlock state={state} assessment={assessment} item={null} row={null} multiple={false} />
        </div>
      </div>
    );
  }

  const item = step.item;
  const explanation =
    language === 'en'
      ? { meaning: item.explanation_en.meaning_en, how: item.explanation_en.how_en, evidence: item.explanation_en.evidence_en }
      : { meaning: item.explanation_ja.meaning_ja, how: item.explanation_ja.how_ja, evidence: item.explanation_ja.evidence_ja };
  const locked = item.applicability.gate && gateNo;
  const multiple = item.rows.length > 1 || item.rows.some((row) => row.key !== 'main');
  return (
    <div class="mt-4 grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div class="grid content-start gap-3">
        <p class="text-std-16B-170 text-solid-gray-700" lang="ja">{item.section_ja}</p>
        <h1 class="grid gap-1" data-testid="wizard-question">
          <span class="text-std-20B-150 text-blue-1000" data-testid="item-number">
            {item.number}
          </span>
          <span class="text-std-24B-150 text-solid-gray-900 md:text-std-28B-150" lang={language === 'en' ? 'en' : 'ja'}>
            {pickText(language, item.text_ja, item.text_en)}
          </span>
        </h1>
        {language === 'en' && (
          <p class="text-std-16N-170 text-solid-gray-800">
            <span class="text-dns-14N-130 text-solid-gray-700">{t.catalog.officialWording}: </span>
            <span lang="ja">{item.text_ja}</span>
          </p>
        )}
        <div class="flex flex-wrap items-center gap-2">
          {item.new_this_year && <NewBadge />}
          {item.rows.some((row) => row.answer?.needs_reconfirmation === true) && <ReconfirmBadge />}
        </div>
        {item.new_this_year && <p class="text-std-16N-170 text-solid-gray-800">{a.newHelp}</p>}
        {locked && <GateNotice />}
      </div>
      <div class="lg:col-start-2 lg:row-span-2 lg:row-start-1">
        <Explanation {...explanation} headingLevel={2} />
      </div>
      <div class="grid content-start gap-5">
        {item.rows.map((row) => (
          <RowBlock key={`${item.canonical_id}/${row.key}`} state={state} assessment={assessment} item={item} row={row} multiple={multiple} />
        ))}
      </div>
    </div>
  );
}

function StepJump({ assessment, current }: { assessment: Assessment; current: number }) {
  const { t, language } = useI18n();
  const a = t.assessments;
  const steps = stepsOf(assessment);
  // Choosing an item only selects it; the 移動 button moves (WCAG 3.2.2: no change of context on input).
  const [chosen, setChosen] = useState(String(current));
  useEffect(() => setChosen(String(current)), [current]);
  return (
    <form
      class="min-w-0"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(assessmentPaths.wizard(assessment.id, Number(chosen)));
      }}
    >
      <label for="wizard-jump" class="block text-dns-14B-120 text-solid-gray-800">
        {a.wizard.jump}
      </label>
      <div class="mt-1 flex max-w-lg gap-2">
        <select
          id="wizard-jump"
          value={chosen}
          onChange={(event) => setChosen((event.currentTarget as HTMLSelectElement).value)}
          class="block min-h-11 w-full min-w-0 rounded-8 border border-solid-gray-600 bg-white px-3 text-std-16N-170"
          data-testid="wizard-jump"
        >
          {steps.map((step, index) => {
            const done =
              step.kind === 'gate' ? !needsWork(assessment.gate?.answer ?? null) : step.item.rows.every((row) => !needsWork(row.answer));
            const name = step.kind === 'gate' ? a.gateTitle : `${step.item.number} ${pickText(language, step.item.text_ja, step.item.text_en)}`;
            const short = name.length > 36 ? `${name.slice(0, 35)}…` : name;
            return (
              <option key={index} value={String(index + 1)}>
                {`${done ? '✓' : language === 'en' ? '-' : '・'} ${short}`}
              </option>
            );
          })}
          <option value={String(steps.length + 1)}>{`→ ${a.wizard.finishTitle}`}</option>
        </select>
        <button type="submit" class={`${buttonClass} shrink-0`} data-testid="wizard-jump-go">
          {t.a11y.move}
        </button>
      </div>
    </form>
  );
}

function Finish({ state, assessment }: { state: AssessmentState; assessment: Assessment }) {
  const { t, language } = useI18n();
  const a = t.assessments;
  const missing = allRows(assessment).filter(({ row }) => needsWork(row.answer));
  const gateMissing = assessment.gate !== null && needsWork(assessment.gate.answer);
  return (
    <div class="mt-4">
      <h1 class={h1Class}>{a.wizard.finishTitle}</h1>
      <div class="mt-6 max-w-3xl">
        <ProgressBar progress={assessment.progress} />
      </div>
      {missing.length === 0 && !gateMissing ? (
        <p class="mt-6 max-w-3xl rounded-8 border-2 border-success-2 bg-green-50 p-4 text-std-18B-160 text-solid-gray-900" data-testid="wizard-complete">
          <span aria-hidden="true" class="mr-2 text-success-2">
            ✓
          </span>
          {assessment.status === 'submitted' ? a.wizard.submittedDone : a.wizard.allDone}
        </p>
      ) : (
        <section aria-labelledby="missing-heading" class="mt-6 max-w-3xl" data-testid="wizard-missing">
          <h2 id="missing-heading" class={h2Class}>
            {a.wizard.missingHeading(missing.length + (gateMissing ? 1 : 0))}
          </h2>
          <ul class="mt-3 grid gap-2">
            {gateMissing && (
              <li>
                <Link href={assessmentPaths.wizard(assessment.id, 1)} class={`text-std-16N-170 ${linkClass}`}>
                  {a.gateTitle}
                </Link>
              </li>
            )}
            {missing.map(({ item, row }) => (
              <li key={`${item.canonical_id}/${row.key}`} class="flex flex-wrap items-center gap-2">
                <Link href={assessmentPaths.wizard(assessment.id, stepOfItem(assessment, item.canonical_id))} class={`text-std-16N-170 ${linkClass}`}>
                  {rowName(t, language, item, row)} {item.text_ja}
                </Link>
                {row.answer?.needs_reconfirmation === true ? <ReconfirmBadge /> : <ValueChip answer={row.answer} />}
              </li>
            ))}
          </ul>
        </section>
      )}
      <SubmitPanel assessment={assessment} replace={state.replace} />
      <p class="mt-8">
        <Link href={assessmentPaths.overview(assessment.id)} class={`text-std-16N-170 ${linkClass}`}>
          {a.wizard.toOverview}
        </Link>
      </p>
    </div>
  );
}

function WizardBody({ state, assessment, step }: { state: AssessmentState; assessment: Assessment; step: number | null }) {
  const { t, language } = useI18n();
  const a = t.assessments;
  const steps = stepsOf(assessment);
  const total = steps.length;
  const resume = resumeStep(assessment);

  useEffect(() => {
    if (step === null) navigate(assessmentPaths.wizard(assessment.id, resume), { replace: true });
    else if (step > total + 1) navigate(assessmentPaths.wizard(assessment.id, total + 1), { replace: true });
  }, [step, total]);

  if (step === null || step > total + 1) return null;
  const current = steps[step - 1];
  const title = assessmentTitle(t, language, assessment);
  const editable = assessment.permissions.edit && assessment.status === 'draft';
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t.nav.assessments, href: assessmentPaths.list },
          { label: title, href: assessmentPaths.overview(assessment.id) },
          { label: a.wizard.crumb },
        ]}
      />
      <div class="flex flex-wrap items-end justify-between gap-4 border-b border-solid-gray-200 pb-4">
        {/* One progress: the answers. The screen number only says where the user is. */}
        <div class="grid gap-1">
          <p class="text-std-16B-170 text-solid-gray-800" data-testid="wizard-answered">
            {a.progressText(assessment.progress.rows_answered, assessment.progress.rows_total, assessment.progress.percent)}
          </p>
          <progress
            aria-label={t.checklistDocs.answeredProgress}
            max={Math.max(assessment.progress.rows_total, 1)}
            value={assessment.progress.rows_answered}
            class="block h-2 w-56 overflow-hidden rounded-full bg-solid-gray-100 [&::-moz-progress-bar]:bg-blue-900 [&::-webkit-progress-bar]:bg-solid-gray-100 [&::-webkit-progress-value]:bg-blue-900"
          />
          <p class="text-dns-14N-130 text-solid-gray-700" data-testid="wizard-position">
            {current === undefined ? a.wizard.finishTitle : t.checklistDocs.screenOf(step, total)}
          </p>
        </div>
        <StepJump assessment={assessment} current={step} />
        <Link href={assessmentPaths.table(assessment.id)} class={`inline-flex min-h-11 items-center text-std-16N-170 ${linkClass}`}>
          {a.wizard.toTable}
        </Link>
      </div>
      {!editable && (
        <InfoNotice testId="read-only">
          <p>{assessment.status === 'submitted' ? a.readOnlySubmitted : a.readOnly}</p>
        </InfoNotice>
      )}
      {current === undefined ? (
        <Finish state={state} assessment={assessment} />
      ) : (
        <StepScreen key={step} state={state} assessment={assessment} step={current} />
      )}
      <nav aria-label={a.wizard.navLabel} class="mt-10 flex flex-wrap items-center justify-between gap-3 border-t border-solid-gray-200 pt-6">
        {step > 1 ? (
          <Link href={assessmentPaths.wizard(assessment.id, step - 1)} class={`${navButton} bg-white text-blue-1000 hover:bg-blue-50 hover:underline`}>
            <span aria-hidden="true">←</span>
            {a.wizard.previous}
          </Link>
        ) : (
          <span />
        )}
        {step <= total && (
          <Link
            href={assessmentPaths.wizard(assessment.id, step + 1)}
            class={`${navButton} bg-blue-900 text-white hover:bg-blue-1000 hover:underline`}
          >
            {step === total ? a.wizard.toFinish : a.wizard.next}
            <span aria-hidden="true">→</span>
          </Link>
        )}
      </nav>
    </>
  );
}

function WizardLoaded({ id, step }: { id: number; step: number | null }) {
  const state = useAssessment(id);
  return (
    <WithAssessment resource={state.resource} reload={() => void state.reload(false)}>
      {(assessment) => <WizardBody state={state} assessment={assessment} step={step} />}
    </WithAssessment>
  );
}

export function Wizard({ id, step }: { id: number; step: number | null }) {
  return <RequireSession>{() => <WizardLoaded id={id} step={step} />}</RequireSession>;
}

