// The institution's home: where the current self-assessment stands at a glance (status, completion, counts,
// overdue targets, the next three steps of the roadmap) and a button to continue in the wizard. Shown by
// Home.tsx to a logged-in user of an institution; `fallback` (the public home) for everyone else.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { assessmentApi, type Assessment, type AssessmentList } from '../../api/assessments';
import { ApiError } from '../../api/http';
import { useResource } from '../../api/useResource';
import { useSession, type ActiveSession } from '../../auth/session';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { bigPrimaryButtonClass, buttonClass, h2Class } from '../account/ui';
import { h1Class, linkClass } from '../catalog/ui';
import { EditionMoveNotice } from './EditionMoveNotice';
import { resumeStep } from './model';
import { assessmentTitle, Roadmap, TargetList } from './Overview';
import { assessmentPaths } from './routes';
import { Counts, ProgressBar, StatusBadge } from './badges';
import { PlanNotices } from '../inspections/plan/PlanNotices';
import { SurveyNotices } from '../surveys/SurveyNotices';
import { PreparednessCard } from '../preparedness/HomeCard';

type DashboardData = { list: AssessmentList; current: Assessment | null } | null;

/**
 * The current assessment: this fiscal year's; else, when this year's can still be started, none (the page
 * offers to start it); else the newest.
 */
function pickCurrent(list: AssessmentList): number | null {
  const sorted = [...list.assessments].sort((x, y) => y.fiscal_year - x.fiscal_year);
  const suggested = list.suggested;
  const match = suggested === null ? undefined : sorted.find((entry) => entry.fiscal_year === suggested.fiscal_year && entry.form === suggested.form);
  if (match !== undefined) return match.id;
  if (list.permissions.create) return null;
  return sorted[0]?.id ?? null;
}

// The API tells an organisation that does not assess itself only by refusing its list (404). That answer is
// remembered for the browser session, so that such a user's home page does not ask again on every visit.
const notInstitutionKey = (user: number) => `mamori.notInstitution.${user}`;

function knownNotInstitution(user: number): boolean {
  try {
    return sessionStorage.getItem(notInstitutionKey(user)) === '1';
  } catch {
    return false;
  }
}

function rememberNotInstitution(user: number): void {
  try {
    sessionStorage.setItem(notInstitutionKey(user), '1');
  } catch {
    // Without storage the list is simply asked again next time.
  }
}

async function loadDashboard(user: number, organisation: number, signal: AbortSignal): Promise<DashboardData> {
  if (knownNotInstitution(user)) return null;
  let list: AssessmentList;
  try {
    list = await assessmentApi.list(organisation, signal);
  } catch (error) {
    // Not an institution (or the list cannot be read): the public home is shown.
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) rememberNotInstitution(user);
    return null;
  }
  if (list.assessments.length === 0 && !list.permissions.create) return null;
  const id = pickCurrent(list);
  return { list, current: id === null ? null : await assessmentApi.get(id, signal) };
}

function DashboardBody({ session, data }: { session: ActiveSession; data: NonNullable<DashboardData> }) {
  const { t, language } = useI18n();
  const a = t.assessments;
  const d = a.dashboard;
  // A move onto a newer edition (or a refusal) answers the checklist as it now is: shown until the next load.
  const [chosen, setChosen] = useState<Assessment | null>(null);
  const current = chosen !== null && chosen.id === data.current?.id ? chosen : data.current;
  return (
    <div data-testid="dashboard">
      <p class="text-std-16B-170 text-solid-gray-700">{session.user.organisation_name}</p>
      <h1 class={h1Class}>{d.title}</h1>
      <PlanNotices />
      <SurveyNotices />
      {current !== null && <EditionMoveNotice assessment={current} onChanged={setChosen} />}
      {current === null ? (
        <section class="mt-6 max-w-3xl rounded-8 border-2 border-blue-900 bg-blue-50 p-5 md:p-6" data-testid="dashboard-empty">
          <p class="text-std-18B-160 text-solid-gray-900">{d.none}</p>
          <p class="mt-2 text-std-16N-170">{d.noneLead}</p>
          {data.list.suggested?.carry_forward_from !== null && data.list.suggested?.carry_forward_from !== undefined && (
            <p class="mt-2 text-std-16N-170" data-testid="dashboard-carry">
              {d.carryNote}
            </p>
          )}
          <p class="mt-4">
            <Link href={assessmentPaths.list} class={bigPrimaryButtonClass}>
              {d.startLink}
            </Link>
          </p>
        </section>
      ) : (
        <>
          <section aria-labelledby="dashboard-current" class="mt-6 rounded-8 border border-solid-gray-420 p-4 md:p-6" data-testid="dashboard-current">
            <div class="flex flex-wrap items-center justify-between gap-3">
              <h2 id="dashboard-current" class={h2Class}>
                <Link href={assessmentPaths.overview(current.id)} class={linkClass}>
                  {assessmentTitle(t, language, current)}
                </Link>
              </h2>
              <StatusBadge status={current.status} />
            </div>
            <div class="mt-4">
              <ProgressBar progress={current.progress} />
            </div>
            <div class="mt-4">
              <Counts progress={current.progress} />
            </div>
            <div class="mt-6 flex flex-wrap gap-3">
              <Link href={assessmentPaths.wizard(current.id)} class={bigPrimaryButtonClass} data-testid="dashboard-continue">
                {current.status === 'submitted'
                  ? a.viewWizard
                  : current.progress.rows_answered === 0
                    ? a.startWizard
                    : a.continueWizard(resumeStep(current))}
              </Link>
              <Link href={assessmentPaths.overview(current.id)} class={`${buttonClass} min-h-14 px-5`}>
                {d.overviewLink}
              </Link>
            </div>
          </section>
          {current.progress.overdue.length > 0 && (
            <section aria-labelledby="dashboard-overdue" class="mt-8 max-w-4xl rounded-8 border-2 border-error-1 bg-red-50 p-4 md:p-5" data-testid="dashboard-overdue">
              <h2 id="dashboard-overdue" class={`${h2Class} text-error-1`}>
                <span aria-hidden="true" class="mr-2">
                  !
                </span>
                {a.overdueHeading(current.progress.overdue.length)}
              </h2>
              <TargetList assessment={current} rows={current.progress.overdue} overdue testId="dashboard-overdue-list" />
            </section>
          )}
          <section aria-labelledby="dashboard-next" class="mt-8 max-w-4xl" data-testid="dashboard-next">
            <h2 id="dashboard-next" class={h2Class}>
              {d.nextHeading}
            </h2>
            <Roadmap assessment={current} limit={3} />
            {current.progress.roadmap.length > 3 && (
              <p class="mt-3">
                <Link href={assessmentPaths.overview(current.id)} class={`text-std-16N-170 ${linkClass}`}>
                  {d.moreSteps(current.progress.roadmap.length)}
                </Link>
              </p>
            )}
          </section>
        </>
      )}
      <PreparednessCard />
    </div>
  );
}

function DashboardLoaded({ session, fallback }: { session: ActiveSession; fallback: ComponentChildren }) {
  const { t } = useI18n();
  const organisation = session.user.organisation_id;
  const [resource] = useResource(`dashboard/${session.user.id}/${organisation}`, (signal) => loadDashboard(session.user.id, organisation, signal));
  if (resource.state === 'loading') {
    return (
      <p role="status" class="text-std-16N-170 text-solid-gray-700" data-testid="dashboard-loading">
        {t.identity.loading}
      </p>
    );
  }
  if (resource.state === 'error' || resource.data === null) return <>{fallback}</>;
  return <DashboardBody session={session} data={resource.data} />;
}

/** The dashboard for a logged-in institution user, else `fallback`. */
export function Dashboard({ fallback }: { fallback: ComponentChildren }) {
  const session = useSession();
  if (session.status === 'loading') return null;
  if (session.status !== 'active' || session.mfa !== 'none') return <>{fallback}</>;
  // Inspectors, analysts and vendors' respondents never belong to an institution: do not even ask.
  if (session.user.roles.some((role) => role === 'inspector' || role === 'analyst' || role === 'vendor_respondent')) return <>{fallback}</>;
  return <DashboardLoaded session={session} fallback={fallback} />;
}
