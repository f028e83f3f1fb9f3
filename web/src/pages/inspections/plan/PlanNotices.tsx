// On an institution's dashboard: 「立入検査の予定のお知らせ」 for each notified inspection — the date, the
// inspecting body, the request to submit this year's checklist by a date, whether it is, and a link to it.
import { useResource } from '../../../api/useResource';
import { langOf, useI18n } from '../../../i18n';
import { Link } from '../../../router';
import { assessmentPaths } from '../../assessments/routes';
import { linkClass } from '../../catalog/ui';
import { planApi } from './planApi';

export function PlanNotices() {
  const { t } = useI18n();
  const p = t.inspectionPlan;
  const [notices] = useResource('inspection-notices', (signal) => planApi.notices(signal));
  if (notices.state !== 'ready' || notices.data.notices.length === 0) return null;
  return (
    <>
      {notices.data.notices.map((n) => {
        const submitted = n.assessment_status === 'submitted';
        return (
          <section
            key={n.visit_id}
            aria-labelledby={`notice-${n.visit_id}`}
            class="mt-6 max-w-4xl rounded-8 border-2 border-blue-900 bg-blue-50 p-4 md:p-6"
            data-testid="inspection-notice"
          >
            <h2 id={`notice-${n.visit_id}`} class="text-std-20B-150 text-solid-gray-900">
              {p.noticeHeading}
            </h2>
            <p class="mt-2 text-std-16N-170" lang={langOf(n.inspecting_organisation_name)}>
              {p.noticeBody(n.inspecting_organisation_name, n.planned_on === null ? p.noDate : p.date(n.planned_on))}
            </p>
            {n.checklist_due_on !== null && <p class="mt-1 text-std-16B-170">{p.checklistRequest(p.date(n.checklist_due_on))}</p>}
            <p class={`mt-1 text-std-16N-170 ${submitted ? 'text-green-1000' : 'text-solid-gray-900'}`} data-testid="inspection-notice-checklist">
              {submitted ? p.checklistSubmitted : p.checklistNotSubmitted}
            </p>
            <p class="mt-2">
              <Link href={n.assessment_id === null ? assessmentPaths.list : assessmentPaths.overview(n.assessment_id)} class={linkClass}>
                {n.assessment_id === null ? p.startChecklist : p.openChecklist}
              </Link>
            </p>
          </section>
        );
      })}
    </>
  );
}
