// The institution's own page: its inspections across years (notices, results: the summary and the findings,
// never the inspector's notes) and its improvement requests, with a warning for overdue ones.
import type { ActiveSession } from '../../../auth/session';
import { useResource } from '../../../api/useResource';
import { langOf, useI18n } from '../../../i18n';
import { Link } from '../../../router';
import { InfoNotice, LoadingLine, WarningNotice } from '../../account/ui';
import { h1Class, h2Class, linkClass } from '../../catalog/ui';
import { loadHistory, requestFiles, requestPaths } from './requestsApi';
import { itemText, panelClass, StatusBadge, useDay } from './ui';

export function InstitutionInspections({ session }: { session: ActiveSession }) {
  const { t } = useI18n();
  const r = t.improvementRequests;
  const day = useDay();
  const [resource] = useResource(`inspections-${session.user.organisation_id}`, (signal) => loadHistory(session.user.organisation_id, signal));
  return (
    <div data-testid="institution-inspections">
      <p class="text-std-16B-170 text-solid-gray-700" lang={langOf(session.user.organisation_name)}>
        {session.user.organisation_name}
      </p>
      <h1 class={h1Class}>{r.institutionTitle}</h1>
      <p class="mt-4 max-w-3xl text-std-16N-175">{r.institutionLead}</p>
      {resource.state === 'loading' && <LoadingLine />}
      {resource.state === 'error' && <InfoNotice>{r.loadFailed}</InfoNotice>}
      {resource.state === 'ready' && (
        <>
          {resource.data.overdue > 0 && (
            <div class="mt-6">
              <WarningNotice testId="institution-overdue">{r.overdueBanner(resource.data.overdue)}</WarningNotice>
            </div>
          )}
          <section class="mt-10" aria-labelledby="requests-heading">
            <h2 id="requests-heading" class={h2Class}>{r.requests}</h2>
            {resource.data.requests.length === 0 ? (
              <p class="mt-4 text-std-16N-170">{r.empty}</p>
            ) : (
              <ul class="mt-4 max-w-3xl space-y-3" data-testid="institution-requests">
                {resource.data.requests.map((request) => (
                  <li key={request.id} class="rounded-8 border border-solid-gray-420 bg-white p-4">
                    <Link href={requestPaths.detail(request.id)} class={`${linkClass} text-std-16B-170`}>
                      <span lang="ja">{itemText(request)}</span>
                    </Link>
                    <p class="mt-1 text-std-16N-170">
                      {r.due}：{day(request.due_on)}
                    </p>
                    <p class="mt-1">
                      <StatusBadge request={request} />
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section class="mt-10" aria-labelledby="notices-heading">
            <h2 id="notices-heading" class={h2Class}>{r.notices}</h2>
            {resource.data.visits.length === 0 && <p class="mt-4 text-std-16N-170">{r.none}</p>}
            {resource.data.visits.map((visit) => (
              <article key={visit.id} class={panelClass} data-testid={`institution-visit-${visit.id}`}>
                <h3 class="text-std-18B-160">{r.visitOf(visit.fiscal_year, day(visit.planned_on))}</h3>
                <p class="mt-1 text-std-16N-170">
                  {r.visitStatus[visit.status]}　<span lang={langOf(visit.inspecting_organisation_name)}>{r.by_org(visit.inspecting_organisation_name)}</span>
                </p>
                {visit.checklist_due_on !== null && visit.status !== 'done' && <p class="mt-1 text-std-16N-170">{r.checklistDue(day(visit.checklist_due_on))}</p>}
                {visit.has_result && (
                  <>
                    <h4 class="mt-4 text-std-16B-170">{r.result}</h4>
                    <p class="mt-1 whitespace-pre-wrap text-std-16N-170" lang="ja">
                      {visit.summary}
                    </p>
                    <h4 class="mt-4 text-std-16B-170">{r.findings}</h4>
                    {visit.findings.length === 0 ? (
                      <p class="mt-1 text-std-16N-170">{r.noFindings}</p>
                    ) : (
                      <ul class="mt-1 list-disc pl-6 text-std-16N-170" lang="ja">
                        {visit.findings.map((f) => (
                          <li key={f.canonical_id}>
                            <span class="font-bold">{itemText({ item_label: f.label, item_text: f.text })}</span>
                            <span class="block">{f.finding}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                    <p class="mt-4">
                      <a href={requestFiles.resultNotice(visit.id)} class={linkClass} download>
                        {r.resultNotice}
                      </a>
                    </p>
                  </>
                )}
              </article>
            ))}
          </section>
        </>
      )}
    </div>
  );
}
