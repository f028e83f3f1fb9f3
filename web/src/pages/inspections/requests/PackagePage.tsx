// /inspections/visits/{id}/package: the pre-visit package (事前資料), the same content as its A4 PDF.
import { useResource } from '../../../api/useResource';
import type { OrganisationKind } from '../../../auth/types';
import { langOf, useI18n } from '../../../i18n';
import { Link } from '../../../router';
import { h1Class, h2Class, linkClass } from '../../catalog/ui';
import { loadPackage, requestFiles, requestPaths, type Package, type PackageLine } from './requestsApi';
import { itemText, LoadedPage, panelClass, useDay } from './ui';

function Lines({ lines, testId }: { lines: PackageLine[]; testId: string }) {
  const { t } = useI18n();
  const r = t.improvementRequests;
  const day = useDay();
  return (
    <ul class="mt-3 list-disc space-y-1 pl-6 text-std-16N-170" data-testid={testId}>
      {lines.map((line, i) => (
        <li key={i}>
          <span lang="ja">{itemText({ item_label: line.label, item_text: line.text })}</span>
          <span class={`block ${line.overdue ? 'font-bold text-error-1' : 'text-solid-gray-700'}`}>
            {line.target_date === '' ? r.noTarget : r.target(day(line.target_date))}
            {line.overdue && `（${r.overdue}）`}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Content({ visitId, p }: { visitId: number; p: Package }) {
  const { t } = useI18n();
  const r = t.improvementRequests;
  const day = useDay();
  const f = p.institution;
  const facts: [string, string][] = [
    [r.factName, f.name],
    [r.factKind, t.identity.kinds[f.kind as OrganisationKind] ?? f.kind],
    [r.factCode, f.facility_id === '' ? '—' : f.facility_id],
    [r.factAddress, f.address !== '' ? f.address : f.municipality_name],
    [r.factBeds, f.beds === null ? '—' : r.beds(f.beds)],
  ];
  return (
    <div data-testid="package-page">
      <p class="text-std-16B-170 text-solid-gray-700">{t.assessments.fiscalYear(p.fiscal_year)}</p>
      <h1 class={h1Class}>
        <span lang={langOf(f.name)}>{r.packageTitle(f.name)}</span>
      </h1>
      <p class="mt-4 max-w-3xl text-std-16N-175">{r.packageLead}</p>
      <p class="mt-4 flex flex-wrap gap-6">
        <a href={requestFiles.packagePdf(visitId)} class={linkClass} download data-testid="package-pdf">
          {r.packagePdf}
        </a>
        <Link href={requestPaths.visit(visitId)} class={linkClass}>
          {r.visitPage}
        </Link>
      </p>
      <section class={panelClass} aria-labelledby="facts">
        <h2 id="facts" class={h2Class}>{r.facts}</h2>
        <dl class="mt-3 grid gap-2 md:grid-cols-[12rem_1fr]">
          {facts.map(([label, value]) => (
            <>
              <dt class="text-std-16B-170">{label}</dt>
              <dd class="text-std-16N-170" lang={langOf(value)}>{value}</dd>
            </>
          ))}
        </dl>
      </section>
      <section class={panelClass} aria-labelledby="this-year">
        <h2 id="this-year" class={h2Class}>{r.thisYear}</h2>
        <p class="mt-3 text-std-16B-170" data-testid="package-status">{r.checklistStatus[p.checklist.status]}</p>
        {p.checklist.status !== 'none' && (
          <p class="text-std-16N-170">
            {r.answered(p.checklist.answered, p.checklist.lines)}　{r.noLines(p.no_lines.length)}
          </p>
        )}
        <Lines lines={p.no_lines} testId="package-no-lines" />
        <h3 class="mt-4 text-std-18B-160">{r.targetsPassed}</h3>
        {p.overdue.length === 0 ? <p class="mt-2 text-std-16N-170">{r.none}</p> : <Lines lines={p.overdue} testId="package-overdue" />}
      </section>
      <section class={panelClass} aria-labelledby="changes">
        <h2 id="changes" class={h2Class}>{r.changes}</h2>
        {!p.has_last_year ? (
          <p class="mt-3 text-std-16N-170">{r.noLastYear}</p>
        ) : p.changes.length === 0 ? (
          <p class="mt-3 text-std-16N-170">{r.noChanges}</p>
        ) : (
          <ul class="mt-3 list-disc pl-6 text-std-16N-170">
            {p.changes.map((c, i) => (
              <li key={i}>
                <span lang="ja">{itemText({ item_label: c.line.label, item_text: c.line.text })}</span>　{r.answers[c.before]} → {r.answers[c.after]}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class={panelClass} aria-labelledby="vendors">
        <h2 id="vendors" class={h2Class}>{r.vendors}</h2>
        <p class="mt-3 text-std-16N-170" data-testid="package-vendors">{r.vendorsLater}</p>
      </section>
      <section class={panelClass} aria-labelledby="last-visit">
        <h2 id="last-visit" class={h2Class}>{r.lastVisit}</h2>
        {p.last_visit === null ? (
          <p class="mt-3 text-std-16N-170">{r.noLastVisit}</p>
        ) : (
          <>
            <p class="mt-3 text-std-16N-170" data-testid="package-last-visit">
              {r.lastVisitLine(p.last_visit.fiscal_year, p.last_visit.visited_on === '' ? '' : day(p.last_visit.visited_on), p.last_visit.open_requests)}
            </p>
            <ul class="mt-3 list-disc space-y-2 pl-6 text-std-16N-170">
              {p.last_findings.map((finding, i) => (
                <li key={i}>
                  <span class="font-bold" lang="ja">{finding.label}</span>
                  <span class="block" lang="ja">{finding.finding}</span>
                  <span class="block text-solid-gray-700">
                    {finding.request_status === null ? r.noRequest : `${r.requests}：${r.status[finding.request_status]}`}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

export function PackagePage({ visitId }: { visitId: number }) {
  const [resource] = useResource(`package-${visitId}`, (signal) => loadPackage(visitId, signal));
  return <LoadedPage resource={resource}>{(data) => <Content visitId={visitId} p={data} />}</LoadedPage>;
}
