// /assessments/{id}: where the assessment stands: progress and counts, overdue targets (in red, with a mark and
// the word), what to do first (the roadmap with each step's plain explanation), the open いいえ rows with
// their target dates, the vendor contract, submission and reopening, export and import, and the events.
import { useState } from 'preact/hooks';
import { assessmentApi, exportUrl, type Assessment, type ExportFormat, type ProgressRow } from '../../api/assessments';
import { formatJst } from '../../auth/format';
import { RequireSession } from '../../auth/RequireSession';
import { langOf, useI18n, type Language } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { Link } from '../../router';
import { bigPrimaryButtonClass, buttonClass, Checkbox, h2Class, ProblemBox, SuccessNotice } from '../account/ui';
import { editionTitle } from '../catalog/FormPage';
import { catalogPaths } from '../catalog/routes';
import { Breadcrumbs, h1Class, linkClass } from '../catalog/ui';
import { useAssessment, type AssessmentState } from './hooks';
import { formatDate, pickText, resumeStep, stepOfItem } from './model';
import { assessmentPaths } from './routes';
import { EditionMoveNotice } from './EditionMoveNotice';
import { SubmitPanel } from './SubmitPanel';
import { problemText, todayIso, WithAssessment } from './ui';
import { Counts, OverdueBadge, ProgressBar, StatusBadge } from './badges';

export function assessmentTitle(t: Messages, language: Language, assessment: Pick<Assessment, 'fiscal_year' | 'fiscal_year_ja' | 'form'>): string {
  const titles: Record<string, string> = t.catalog.formTitles;
  const year = language === 'ja' && assessment.fiscal_year_ja !== '' ? assessment.fiscal_year_ja : t.assessments.fiscalYear(assessment.fiscal_year);
  return t.assessments.title(year, titles[assessment.form.id] ?? assessment.form.title_ja);
}

/** A list of rows with their target dates (overdue or open いいえ), linking to the wizard. */
export function TargetList({ assessment, rows, overdue, testId }: { assessment: Assessment; rows: ProgressRow[]; overdue: boolean; testId: string }) {
  const { t, language } = useI18n();
  const a = t.assessments;
  return (
    <ul class="mt-3 grid gap-2" data-testid={testId}>
      {rows.map((row) => (
        <li
          key={`${row.canonical_id}/${row.row}`}
          class={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-8 border-l-4 bg-white py-2 pl-3 pr-2 text-std-16N-170 ${
            overdue ? 'border-error-1' : 'border-orange-900'
          }`}
          data-testid="target-row"
        >
          {overdue && <OverdueBadge />}
          <Link href={assessmentPaths.wizard(assessment.id, stepOfItem(assessment, row.canonical_id))} class={linkClass}>
            <span class="font-bold">{row.number}</span> <span lang="ja">{row.text_ja}</span>
          </Link>
          {row.target_date !== null && (
            <span class={overdue ? 'font-bold text-error-1' : 'text-solid-gray-800'}>
              {a.targetOn(formatDate(row.target_date, language))}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function Roadmap({ assessment, limit }: { assessment: Assessment; limit?: number }) {
  const { t, language } = useI18n();
  const a = t.assessments;
  const steps = limit === undefined ? assessment.progress.roadmap : assessment.progress.roadmap.slice(0, limit);
  if (steps.length === 0) return <p class="mt-3 text-std-16N-170" data-testid="roadmap-empty">{a.roadmapEmpty}</p>;
  return (
    <ol class="mt-3 grid gap-3" data-testid="roadmap">
      {steps.map((step, index) => (
        <li
          key={step.canonical_id}
          class="grid grid-cols-[2.5rem_minmax(0,1fr)] gap-3 rounded-8 border border-solid-gray-420 bg-white p-4"
          data-testid="roadmap-step"
          data-canonical-id={step.canonical_id}
          data-rank={step.rank}
        >
          <span aria-hidden="true" class="grid size-10 place-items-center rounded-full bg-blue-900 text-std-18B-160 text-white">
            {index + 1}
          </span>
          <div>
            <h3 class="text-std-18B-160 text-solid-gray-900">
              <span class="sr-only">{a.roadmapRank(index + 1)} </span>
              <Link href={assessmentPaths.wizard(assessment.id, stepOfItem(assessment, step.canonical_id))} class={linkClass}>
                {step.number} <span lang="ja">{step.text_ja}</span>
              </Link>
            </h3>
            <p class="mt-1 text-dns-14B-120 text-solid-gray-800">
              {step.state === 'no' ? a.roadmapStateNo : a.roadmapStateUnanswered}
            </p>
            {step.reason_ja !== undefined && step.reason_ja !== null && step.reason_ja !== '' && (
              <p class="mt-2 text-std-16N-170">
                <span class="font-bold">{a.roadmapWhy}: </span>
                {pickText(language, step.reason_ja, step.reason_en ?? '')}
              </p>
            )}
            <p class="mt-1 text-std-16N-170">
              <span class="font-bold">{t.catalog.how}: </span>
              {pickText(language, step.how_ja, step.how_en)}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}

function VendorContract({ state, assessment }: { state: AssessmentState; assessment: Assessment }) {
  const { t, language } = useI18n();
  const a = t.assessments.vendor;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const editable = assessment.permissions.edit && assessment.status === 'draft';
  const change = async (none: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      state.replace(await assessmentApi.setVendorContract(assessment.id, assessment.version, !none));
    } catch (error) {
      setProblem(error);
      void state.reload(true);
    }
    setBusy(false);
  };
  if (!assessment.items.some((item) => item.applicability.requires_vendor_contract)) return null;
  return (
    <section aria-labelledby="vendor-heading" class="mt-10 max-w-3xl" data-testid="vendor-contract">
      <h2 id="vendor-heading" class={h2Class}>
        {a.heading}
      </h2>
      <p class="mt-2 text-std-16N-170">{a.lead}</p>
      <div class="mt-3">
        <Checkbox
          id="no-vendor-contract"
          checked={!assessment.has_vendor_contract}
          onChange={(checked) => void change(checked)}
          label={a.none}
          help={a.noneHelp}
          disabled={!editable || busy}
        />
      </div>
      {problem !== null && <ProblemBox problem={problemText(t, language, problem)} />}
    </section>
  );
}

const formats: { format: ExportFormat; key: 'pdf' | 'xlsx' | 'csv' | 'json' }[] = [
  { format: 'pdf', key: 'pdf' },
  { format: 'xlsx', key: 'xlsx' },
  { format: 'csv', key: 'csv' },
  { format: 'json', key: 'json' },
];

function ExportImport({ state, assessment }: { state: AssessmentState; assessment: Assessment }) {
  const { t, language } = useI18n();
  const a = t.assessments.files;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const editable = assessment.permissions.edit && assessment.status === 'draft';

  const run = async (event: Event) => {
    event.preventDefault();
    if (file === null) return;
    setBusy(true);
    setProblem(null);
    setImported(null);
    try {
      const result = await assessmentApi.import(assessment.id, file);
      state.replace(result.assessment);
      setImported(result.imported_rows);
      setFile(null);
    } catch (error) {
      setProblem(error);
    }
    setBusy(false);
  };

  return (
    <section aria-labelledby="files-heading" class="mt-10 max-w-3xl" data-testid="files">
      <h2 id="files-heading" class={h2Class}>
        {a.heading}
      </h2>
      <p class="mt-2 text-std-16N-170">{a.exportLead}</p>
      <ul class="mt-3 flex flex-wrap gap-3" aria-label={a.exportLabel}>
        {formats.map(({ format, key }) => (
          <li key={format}>
            <a href={exportUrl(assessment.id, format)} download class={buttonClass} data-testid={`export-${format}`}>
              <span aria-hidden="true">⤓</span>
              {a.formats[key]}
            </a>
          </li>
        ))}
      </ul>
      {editable && (
        <form onSubmit={(event) => void run(event)} class="mt-6 rounded-8 border border-solid-gray-420 p-4" data-testid="import-form">
          <label for="import-file" class="block text-std-16B-170 text-solid-gray-900">
            {a.importLabel}
          </label>
          <p id="import-help" class="text-dns-14N-130 text-solid-gray-700">
            {a.importHelp}
          </p>
          <input
            id="import-file"
            type="file"
            accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-help"
            onChange={(event) => setFile((event.currentTarget as HTMLInputElement).files?.[0] ?? null)}
            class="mt-2 block w-full min-h-11 text-std-16N-170 file:mr-3 file:min-h-11 file:rounded-8 file:border file:border-blue-900 file:bg-white file:px-3 file:text-dns-16B-120 file:text-blue-900 hover:file:bg-blue-50"
          />
          <button type="submit" class={`mt-3 ${buttonClass}`} disabled={busy || file === null}>
            {busy ? a.importing : a.import}
          </button>
        </form>
      )}
      {imported !== null && <SuccessNotice testId="imported-notice">{a.imported(imported)}</SuccessNotice>}
      {problem !== null && <ProblemBox problem={problemText(t, language, problem)} />}
    </section>
  );
}

function Events({ assessment }: { assessment: Assessment }) {
  const { t, language } = useI18n();
  const a = t.assessments.events;
  if (assessment.events.length === 0) return null;
  const kinds: Record<string, string> = { ...a.kinds, ...t.editionMove.eventKinds };
  return (
    <section aria-labelledby="events-heading" class="mt-10 max-w-3xl" data-testid="events">
      <h2 id="events-heading" class={h2Class}>
        {a.heading}
      </h2>
      <ol class="mt-3 grid gap-2 border-l-2 border-solid-gray-420 pl-4">
        {assessment.events.map((event, index) => (
          <li key={index} class="text-std-16N-170" data-testid="event" data-kind={event.kind}>
            <span class="font-bold">{kinds[event.kind] ?? event.kind}</span>
            <span class="text-solid-gray-800">
              {' — '}
              {formatJst(event.at, language)}
              {event.by !== null && (
                <>
                  {' · '}
                  <span lang={langOf(event.by.name)}>{event.by.name}</span>
                </>
              )}
            </span>
            {event.reason !== null && event.reason !== '' && (
              <p class="text-solid-gray-800">
                {a.reason}: <span lang={langOf(event.reason)}>{event.reason}</span>
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function OverviewBody({ state, assessment }: { state: AssessmentState; assessment: Assessment }) {
  const { t, language } = useI18n();
  const a = t.assessments;
  const title = assessmentTitle(t, language, assessment);
  const progress = assessment.progress;
  const today = todayIso();
  const overdue = progress.overdue;
  // The gate question answered いいえ is not a measure to take (the server lists it among the open rows).
  const gateId = assessment.gate?.canonical_id ?? null;
  const open = progress.open.filter(
    (row) =>
      row.canonical_id !== gateId &&
      !(row.target_date !== null && row.target_date < today && overdue.some((o) => o.canonical_id === row.canonical_id && o.row === row.row)),
  );
  const started = progress.rows_answered > 0;
  const readOnly = assessment.status === 'submitted' || !assessment.permissions.edit;
  return (
    <>
      <Breadcrumbs items={[{ label: t.nav.assessments, href: assessmentPaths.list }, { label: title }]} />
      <h1 class={h1Class}>{title}</h1>
      <div class="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-std-16N-170 text-solid-gray-800">
        <StatusBadge status={assessment.status} />
        <span lang={langOf(assessment.organisation.name)}>{assessment.organisation.name}</span>
        <span lang="ja">{assessment.form.document_title_ja}</span>
        <span>{a.editionLabel(editionTitle(t, assessment.edition.id), assessment.edition.revision)}</span>
      </div>
      {assessment.carried_from !== null && <p class="mt-2 text-std-16N-170 text-solid-gray-800">{a.carriedNote}</p>}
      <EditionMoveNotice assessment={assessment} onChanged={state.replace} />
      <p class="mt-2 text-dns-14N-130 text-solid-gray-700" data-testid="confidence-sentence">
        {t.checklistDocs.confidenceBefore}
        <Link href={catalogPaths.index} class={linkClass}>
          {t.checklistDocs.catalogLink}
        </Link>
        {t.checklistDocs.confidenceAfter}
      </p>

      <section aria-labelledby="where-heading" class="mt-8 rounded-8 border border-solid-gray-420 p-4 md:p-6" data-testid="where">
        <h2 id="where-heading" class={h2Class}>
          {a.whereHeading}
        </h2>
        <div class="mt-4">
          <ProgressBar progress={progress} />
        </div>
        <div class="mt-4">
          <Counts progress={progress} />
        </div>
        <div class="mt-6 flex flex-wrap gap-3">
          <Link href={assessmentPaths.wizard(assessment.id)} class={bigPrimaryButtonClass} data-testid="to-wizard">
            {readOnly ? a.viewWizard : started ? a.continueWizard(resumeStep(assessment)) : a.startWizard}
          </Link>
          <Link href={assessmentPaths.table(assessment.id)} class={`${buttonClass} min-h-14 px-5`}>
            {readOnly ? a.viewTable : a.toTable}
          </Link>
        </div>
      </section>

      {overdue.length > 0 && (
        <section aria-labelledby="overdue-heading" class="mt-10 max-w-4xl rounded-8 border-2 border-error-1 bg-red-50 p-4 md:p-5" data-testid="overdue">
          <h2 id="overdue-heading" class={`${h2Class} text-error-1`}>
            <span aria-hidden="true" class="mr-2">
              !
            </span>
            {a.overdueHeading(overdue.length)}
          </h2>
          <p class="mt-1 text-std-16N-170">{a.overdueLead}</p>
          <TargetList assessment={assessment} rows={overdue} overdue testId="overdue-list" />
        </section>
      )}

      <section aria-labelledby="roadmap-heading" class="mt-10 max-w-4xl">
        <h2 id="roadmap-heading" class={h2Class}>
          {a.roadmapHeading}
        </h2>
        <p class="mt-1 text-std-16N-170">{a.roadmapLead}</p>
        <Roadmap assessment={assessment} />
      </section>

      {open.length > 0 && (
        <section aria-labelledby="open-heading" class="mt-10 max-w-4xl" data-testid="open">
          <h2 id="open-heading" class={h2Class}>
            {a.openHeading(open.length)}
          </h2>
          <p class="mt-1 text-std-16N-170">{a.openLead}</p>
          <TargetList assessment={assessment} rows={open} overdue={false} testId="open-list" />
        </section>
      )}

      <VendorContract state={state} assessment={assessment} />
      <SubmitPanel assessment={assessment} replace={state.replace} />
      <ExportImport state={state} assessment={assessment} />
      <Events assessment={assessment} />
      <p class="mt-8 text-dns-14N-130 text-solid-gray-700">{a.createdAt(formatJst(assessment.created_at, language))}</p>
    </>
  );
}

function OverviewLoaded({ id }: { id: number }) {
  const state = useAssessment(id);
  return (
    <WithAssessment resource={state.resource} reload={() => void state.reload(false)}>
      {(assessment) => <OverviewBody state={state} assessment={assessment} />}
    </WithAssessment>
  );
}

export function Overview({ id }: { id: number }) {
  return <RequireSession>{() => <OverviewLoaded id={id} />}</RequireSession>;
}

