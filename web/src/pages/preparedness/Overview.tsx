// /preparedness: 非常時の備え at a glance: a guided first pass (four numbered steps, each done or not), what
// needs doing (the summary's warnings as sentences that say what to do, each linking to its record), the
// counts, the four record pages and the BCP 確認表, and the draft BCP to download.
import type { ComponentChildren } from 'preact';
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { Link } from '../../router';
import { h1Class, h2Class, InfoNotice, leadClass } from '../account/ui';
import { buttonClass as downloadClass, linkClass } from '../catalog/ui';
import { answeredRows, documentPaths, preparednessApi, type Backup, type BcpChecklist, type Incident, type Reference, type Summary, type Warning, totalRows } from './api';
import { preparednessPaths } from './routes';
import { useCodeLabel } from './ui';

type Loaded = [Summary, Reference, Backup[], Incident[], BcpChecklist | null];

/** Where a warning's record is shown. */
export function warningPath(warning: Warning): string {
  if (warning.kind === 'chart') return preparednessPaths.contacts;
  if (warning.kind === 'backup' && warning.record_id !== null) return preparednessPaths.backup(warning.record_id);
  if (warning.kind === 'incident' && warning.record_id !== null) return preparednessPaths.incident(warning.record_id);
  if (warning.kind === 'drill') return preparednessPaths.drills;
  return preparednessPaths.overview;
}

/** A warning as a sentence that says what to do; `name` is its record's name (a backup's system, an incident's title). */
export function useWarningText(reference: Reference | null): (warning: Warning, name: string) => string {
  const { t } = useI18n();
  const w = t.preparedness.warnings;
  const label = useCodeLabel();
  return (warning, name) => {
    const codes = (list: Reference['internal_roles'] | undefined) => warning.details.map((code) => (list === undefined ? '' : label(list, code))).filter((x) => x !== '—' && x !== '');
    switch (warning.code) {
      case 'contact_role_missing':
        return w.roleMissing(codes(reference?.internal_roles));
      case 'contact_body_missing':
        return w.bodyMissing(codes(reference?.external_bodies));
      case 'chart_not_reviewed':
        return w.notReviewed;
      case 'backup_without_offline_copy':
        return w.noOffline(name);
      case 'no_recent_restore_test':
        return w.noRestoreTest(name);
      case 'no_recent_drill':
        return w.noDrill;
      case 'incident_first_response_open':
        return w.firstResponse(name, warning.details.map((item) => t.preparedness.checklist[item as keyof Messages['preparedness']['checklist']] ?? '').filter((x) => x !== ''));
      default:
        return w.other;
    }
  };
}

/** The name of a warning's record: a backup's system, an incident's title. */
export function warningName(warning: Warning, backups: Backup[], incidents: Incident[]): string {
  if (warning.kind === 'backup') return backups.find((b) => b.id === warning.record_id)?.system_name ?? '';
  if (warning.kind === 'incident') return incidents.find((i) => i.id === warning.record_id)?.title ?? '';
  return '';
}

function Step({ n, title, done, children, href, linkText, testId }: { n: number; title: string; done: boolean; children: ComponentChildren; href: string; linkText: string; testId: string }) {
  const { t } = useI18n();
  const p = t.preparedness.overview;
  return (
    <li class={`flex gap-4 rounded-8 border-2 p-4 md:p-5 ${done ? 'border-success-2 bg-green-50' : 'border-solid-gray-420 bg-white'}`} data-testid={testId} data-done={done ? 'yes' : 'no'}>
      <span aria-hidden="true" class={`flex size-10 shrink-0 items-center justify-center rounded-full text-std-18B-160 ${done ? 'bg-success-2 text-white' : 'bg-blue-900 text-white'}`}>
        {done ? '✓' : n}
      </span>
      <div>
        <h3 class="text-std-18B-160 text-solid-gray-900">
          <span class="sr-only">{p.stepNumber(n)}</span>
          {title}
          <span class={`ml-3 inline-block rounded-4 border px-2 py-0.5 align-middle text-dns-14B-120 ${done ? 'border-success-2 text-success-2' : 'border-solid-gray-536 text-solid-gray-800'}`} data-testid="step-state">
            {done ? p.done : p.notDone}
          </span>
        </h3>
        <p class="mt-1 text-std-16N-170">{children}</p>
        <p class="mt-2">
          <Link href={href} class={linkClass}>
            {linkText}
          </Link>
        </p>
      </div>
    </li>
  );
}

export function Overview() {
  const { t } = useI18n();
  const p = t.preparedness;
  const o = p.overview;
  const [data] = useResource('preparedness-overview', (signal) =>
    Promise.all([preparednessApi.summary(signal), preparednessApi.reference(signal), preparednessApi.backups(signal).then((l) => l.records), preparednessApi.incidents(signal).then((l) => l.records), preparednessApi.bcp(signal).then((b) => b, () => null)]),
  );
  const ready = data.state === 'ready' ? (data.data as Loaded) : null;
  const warningText = useWarningText(ready === null ? null : ready[1]);
  return (
    <div data-testid="preparedness-overview">
      <h1 class={h1Class}>{p.title}</h1>
      <p class={leadClass}>{o.lead}</p>
      {data.state === 'loading' && <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700">{t.identity.loading}</p>}
      {data.state === 'error' && <InfoNotice testId="preparedness-unavailable">{data.error.status === 404 ? p.notInstitution : p.loadFailed}</InfoNotice>}
      {ready !== null && (
        <>
          <section aria-labelledby="first-pass" class="mt-8 max-w-4xl">
            <h2 id="first-pass" class={h2Class}>
              {o.stepsHeading}
            </h2>
            <p class="mt-2 text-std-16N-170">{o.stepsLead}</p>
            <ol class="mt-4 flex flex-col gap-3" data-testid="first-pass">
              <Step n={1} title={o.step1} done={!ready[0].warnings.some((w) => w.kind === 'chart')} href={preparednessPaths.contacts} linkText={o.step1Link} testId="step-contacts">
                {o.step1Body}
              </Step>
              <Step n={2} title={o.step2} done={(ready[0].counts['backup'] ?? 0) > 0} href={preparednessPaths.backups} linkText={o.step2Link} testId="step-backups">
                {o.step2Body}
              </Step>
              <Step n={3} title={o.step3} done={!ready[0].warnings.some((w) => w.code === 'no_recent_drill')} href={preparednessPaths.drills} linkText={o.step3Link} testId="step-drills">
                {o.step3Body}
              </Step>
              {ready[4] !== null && (
                <Step n={4} title={o.step4} done={answeredRows(ready[4]) === totalRows(ready[4])} href={preparednessPaths.bcp} linkText={o.step4Link} testId="step-bcp">
                  {o.step4Body}
                </Step>
              )}
            </ol>
          </section>

          <section aria-labelledby="to-do" class="mt-10 max-w-4xl">
            <h2 id="to-do" class={h2Class}>
              {o.warningsHeading}
            </h2>
            {ready[0].warnings.length === 0 ? (
              <InfoNotice testId="no-warnings">{o.noWarnings}</InfoNotice>
            ) : (
              <ul class="mt-4 flex flex-col gap-2" data-testid="warnings">
                {ready[0].warnings.map((warning, index) => (
                  <li key={`${warning.code}-${warning.record_id ?? 'none'}-${index}`} class="rounded-8 border-2 border-warning-yellow-2 bg-yellow-50 p-3 text-std-16N-170" data-testid="warning" data-code={warning.code}>
                    <span aria-hidden="true" class="mr-2">
                      ⚠
                    </span>
                    {warningText(warning, warningName(warning, ready[2], ready[3]))}{' '}
                    <Link href={warningPath(warning)} class={linkClass}>
                      {o.open}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="records" class="mt-10 max-w-4xl">
            <h2 id="records" class={h2Class}>
              {o.recordsHeading}
            </h2>
            <ul class="mt-4 grid gap-3 md:grid-cols-2" data-testid="counts">
              {(
                [
                  [p.nav.contacts, preparednessPaths.contacts, o.countContacts(ready[0].counts['contact'] ?? 0)],
                  [p.nav.backups, preparednessPaths.backups, o.countBackups(ready[0].counts['backup'] ?? 0, ready[0].counts['restore_test'] ?? 0)],
                  [p.nav.drills, preparednessPaths.drills, o.countDrills(ready[0].counts['drill'] ?? 0)],
                  [p.nav.incidents, preparednessPaths.incidents, o.countIncidents(ready[0].counts['incident'] ?? 0, ready[0].open_incidents)],
                  ...(ready[4] === null ? [] : [[p.bcp.navLabel, preparednessPaths.bcp, o.countBcp(answeredRows(ready[4]), totalRows(ready[4]))] as const]),
                ] as const
              ).map(([label, href, count]) => (
                <li key={href} class="rounded-8 border border-solid-gray-420 bg-white p-4">
                  <Link href={href} class={`text-std-18B-160 ${linkClass}`}>
                    {label}
                  </Link>
                  <p class="mt-1 text-std-16N-170">{count}</p>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="draft-bcp" class="mt-10 max-w-4xl" data-testid="draft-bcp">
            <h2 id="draft-bcp" class={h2Class}>
              {o.draftHeading}
            </h2>
            <p class="mt-2 max-w-3xl text-std-16N-170">{o.draftLead}</p>
            <ul class="mt-4 flex flex-wrap gap-3">
              {(
                [
                  [documentPaths.bcpPdf, o.draftPdf, 'draft-bcp-pdf'],
                  [documentPaths.bcpDocx, o.draftDocx, 'draft-bcp-docx'],
                ] as const
              ).map(([href, label, testId]) => (
                <li key={href}>
                  <a href={href} download class={downloadClass} data-testid={testId}>
                    <span aria-hidden="true">⤓</span>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
