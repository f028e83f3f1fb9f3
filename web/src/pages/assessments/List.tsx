// /assessments: the logged-in institution's assessments, newest first, and starting this fiscal year's (with
// last year's answers carried forward when there are some). Organisations that do not assess themselves
// (prefectures, health centres, the ministry, vendors) are told so instead.
import { useState } from 'preact/hooks';
import { assessmentApi, type AssessmentList, type AssessmentSummary } from '../../api/assessments';
import { useResource } from '../../api/useResource';
import { RequireSession } from '../../auth/RequireSession';
import type { ActiveSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { bigPrimaryButtonClass, Checkbox, h2Class, InfoNotice, ProblemBox } from '../account/ui';
import { editionTitle } from '../catalog/FormPage';
import { h1Class, linkClass } from '../catalog/ui';
import { assessmentPaths } from './routes';
import { AssessmentError, AssessmentLoading, problemText, standInEdition } from './ui';
import { ProgressBar, StatusBadge } from './badges';

function formTitle(titles: Record<string, string>, form: string): string {
  return titles[form] ?? form;
}

interface StartChoice {
  fiscal_year: number;
  edition: string;
  form: string;
  carry_forward_from: number | null;
}

function StartPanel({ organisation, choice, onCreated, testId = 'start-panel' }: { organisation: number; choice: StartChoice; onCreated: () => void; testId?: string }) {
  const { t, language } = useI18n();
  const a = t.assessments.list;
  const [carry, setCarry] = useState(choice.carry_forward_from !== null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const titles: Record<string, string> = t.catalog.formTitles;
  const year = t.assessments.fiscalYear(choice.fiscal_year);
  const canCarry = choice.carry_forward_from !== null;
  const standIn = standInEdition(t, choice.fiscal_year, choice.edition);

  const start = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const created = await assessmentApi.create(organisation, choice.fiscal_year, canCarry && carry);
      const kind = created.organisation.kind;
      navigate(kind === 'hospital' ? assessmentPaths.overview(created.id) : assessmentPaths.wizard(created.id));
    } catch (error) {
      setProblem(error);
      setBusy(false);
      onCreated();
    }
  };

  return (
    <section aria-labelledby={`${testId}-heading`} class="mt-8 max-w-3xl rounded-8 border-2 border-blue-900 bg-blue-50 p-5 md:p-6" data-testid={testId} data-fiscal-year={choice.fiscal_year}>
      <h2 id={`${testId}-heading`} class={h2Class}>
        {a.startHeading(year)}
      </h2>
      <p class="mt-2 text-std-16N-170">
        {a.startLead(editionTitle(t, choice.edition), formTitle(titles, choice.form))}
      </p>
      {standIn !== null && (
        <p class="mt-2 text-std-16B-170" data-testid="start-edition-notice">
          {t.checklistDocs.editionNoticeStart(standIn[0], standIn[1])}
        </p>
      )}
      {canCarry ? (
        <div class="mt-4 rounded-8 bg-white p-3">
          <Checkbox id={`${testId}-carry-forward`} checked={carry} onChange={setCarry} label={a.carry} help={a.carryHelp} />
        </div>
      ) : (
        <p class="mt-3 text-std-16N-170 text-solid-gray-800">{a.noCarry}</p>
      )}
      <p class="mt-5">
        <button type="button" class={bigPrimaryButtonClass} onClick={() => void start()} disabled={busy} data-testid="start-assessment">
          {busy ? a.starting : a.start(year)}
        </button>
      </p>
      {problem !== null && <ProblemBox problem={problemText(t, language, problem)} />}
    </section>
  );
}

function SuggestedStart({ organisation, list, onCreated }: { organisation: number; list: AssessmentList; onCreated: () => void }) {
  const suggested = list.suggested;
  if (suggested === null || !list.permissions.create) return null;
  const exists = list.assessments.some((entry) => entry.fiscal_year === suggested.fiscal_year && entry.form === suggested.form);
  if (exists) return null;
  return <StartPanel organisation={organisation} choice={suggested} onCreated={onCreated} />;
}

/** The years other than the current one: open their checklist, or start it (an earlier year late, the next early). */
function OtherYears({ organisation, list, onCreated }: { organisation: number; list: AssessmentList; onCreated: () => void }) {
  const { t } = useI18n();
  const d = t.checklistDocs;
  const [chosen, setChosen] = useState<number | null>(null);
  const suggested = list.suggested;
  const years = (list.years ?? []).filter((year) => year.fiscal_year !== suggested?.fiscal_year && (year.assessment_id !== null || year.may_start));
  if (years.length === 0 || suggested === null) return null;
  const choice = years.find((year) => year.fiscal_year === chosen && year.may_start);
  return (
    <section aria-labelledby="other-years-heading" class="mt-10 max-w-4xl" data-testid="other-years">
      <h2 id="other-years-heading" class={h2Class}>
        {d.otherYearsHeading}
      </h2>
      <p class="mt-1 text-std-16N-170">{d.otherYearsLead}</p>
      <ul class="mt-3 grid gap-2">
        {years.map((year) => {
          const name = t.assessments.fiscalYear(year.fiscal_year);
          return (
            <li key={year.fiscal_year} class="flex flex-wrap items-center gap-x-4 gap-y-1" data-testid="other-year" data-fiscal-year={year.fiscal_year}>
              {year.assessment_id !== null ? (
                <Link href={assessmentPaths.overview(year.assessment_id)} class={`inline-flex min-h-11 items-center text-std-16N-170 ${linkClass}`}>
                  {d.openYear(name)}
                </Link>
              ) : (
                <button
                  type="button"
                  class="inline-flex min-h-11 items-center text-std-16N-170 text-blue-1000 underline underline-offset-2 hover:bg-blue-50"
                  aria-expanded={chosen === year.fiscal_year}
                  onClick={() => setChosen(chosen === year.fiscal_year ? null : year.fiscal_year)}
                >
                  {d.startYear(name)}
                </button>
              )}
              <span class="text-dns-14N-130 text-solid-gray-700">{d.usesEdition(editionTitle(t, year.edition))}</span>
            </li>
          );
        })}
      </ul>
      {choice !== undefined && (
        <StartPanel
          key={choice.fiscal_year}
          organisation={organisation}
          choice={{ fiscal_year: choice.fiscal_year, edition: choice.edition, form: suggested.form, carry_forward_from: choice.carry_forward_from }}
          onCreated={onCreated}
          testId="start-other-year"
        />
      )}
    </section>
  );
}

function Entry({ entry }: { entry: AssessmentSummary }) {
  const { t } = useI18n();
  const a = t.assessments;
  const titles: Record<string, string> = t.catalog.formTitles;
  const title = a.title(a.fiscalYear(entry.fiscal_year), formTitle(titles, entry.form));
  return (
    <li class="rounded-8 border border-solid-gray-420 bg-white p-4 md:p-5" data-testid="assessment-entry" data-id={entry.id} data-fiscal-year={entry.fiscal_year}>
      <div class="flex flex-wrap items-center justify-between gap-3">
        <h3 class="text-std-20B-150 text-solid-gray-900">
          <Link href={assessmentPaths.overview(entry.id)} class={linkClass}>
            {title}
          </Link>
        </h3>
        <StatusBadge status={entry.status} />
      </div>
      <p class="mt-1 text-dns-14N-130 text-solid-gray-700">{a.editionLabel(editionTitle(t, entry.edition), entry.edition_revision)}</p>
      <div class="mt-3">
        <ProgressBar progress={entry.progress} label={a.progressLabel} />
      </div>
      <p class="mt-3 flex flex-wrap gap-x-5 gap-y-1">
        <Link href={assessmentPaths.overview(entry.id)} class={`inline-flex min-h-11 items-center text-std-16N-170 ${linkClass}`}>
          {a.list.overview}
        </Link>
        <Link href={assessmentPaths.wizard(entry.id)} class={`inline-flex min-h-11 items-center text-std-16N-170 ${linkClass}`}>
          {a.list.wizard}
        </Link>
        <Link href={assessmentPaths.table(entry.id)} class={`inline-flex min-h-11 items-center text-std-16N-170 ${linkClass}`}>
          {a.list.table}
        </Link>
      </p>
    </li>
  );
}

function ListLoaded({ session }: { session: ActiveSession }) {
  const { t } = useI18n();
  const a = t.assessments.list;
  const organisation = session.user.organisation_id;
  const [resource, reload] = useResource(`assessments/${organisation}`, (signal) => assessmentApi.list(organisation, signal));
  if (resource.state === 'loading') return <AssessmentLoading />;
  if (resource.state === 'error') {
    if (resource.error.status === 403 || resource.error.status === 404) {
      return (
        <InfoNotice testId="not-institution">
          <p>{a.notInstitution}</p>
        </InfoNotice>
      );
    }
    return <AssessmentError error={resource.error} onRetry={reload} />;
  }
  const list = resource.data;
  const sorted = [...list.assessments].sort((x, y) => y.fiscal_year - x.fiscal_year || x.form.localeCompare(y.form));
  return (
    <>
      <SuggestedStart organisation={organisation} list={list} onCreated={reload} />
      <OtherYears organisation={organisation} list={list} onCreated={reload} />
      <section aria-labelledby="list-heading" class="mt-10 max-w-4xl">
        <h2 id="list-heading" class={h2Class}>
          {a.heading}
        </h2>
        {sorted.length === 0 ? (
          <p class="mt-3 text-std-16N-170" data-testid="assessments-empty">
            {list.permissions.create ? a.empty : a.notInstitution}
          </p>
        ) : (
          <ul class="mt-4 grid gap-4">
            {sorted.map((entry) => (
              <Entry key={entry.id} entry={entry} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function List() {
  const { t } = useI18n();
  const a = t.assessments.list;
  return (
    <>
      <h1 class={h1Class}>{t.nav.assessments}</h1>
      <p class="mt-4 max-w-3xl text-std-16N-175">{a.lead}</p>
      <RequireSession>{(session) => <ListLoaded session={session} />}</RequireSession>
    </>
  );
}
