// /cves/{id}: one CVE as the feeds hold it: JVN's Japanese title and summary first, whether CISA has seen it
// exploited (KEV, ransomware use, due date), NVD's severity and English description, and the products its
// configurations name. Public data: every signed-in person may read it.
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { h1Class, h2Class, InfoNotice, linkClass, WarningNotice } from '../account/ui';
import { useDay } from '../systems/ui';
import { loadCve, type CveDetail } from './feedsApi';

const dlClass = 'mt-4 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-2 md:grid-cols-[12rem_1fr]';

function Severity({ score, severity }: { score: number | null; severity: string }) {
  const { t } = useI18n();
  if (score === null) return <span>―</span>;
  const word = t.feeds.severities[severity.toUpperCase()] ?? '';
  return (
    <span data-testid="cvss">
      {score.toFixed(1)}
      {word !== '' && t.feeds.cve.inBrackets(word)}
    </span>
  );
}

function Kev({ kev }: { kev: NonNullable<CveDetail['kev']> }) {
  const { t } = useI18n();
  const f = t.feeds.cve;
  const day = useDay();
  return (
    <WarningNotice heading={f.kevHeading} testId="cve-kev">
      <dl class={dlClass}>
        <dt class="font-bold">{f.dateAdded}</dt>
        <dd>{day(kev.date_added)}</dd>
        <dt class="font-bold">{f.dueDate}</dt>
        <dd>{kev.due_date === null ? '―' : day(kev.due_date)}</dd>
        <dt class="font-bold">{f.ransomware}</dt>
        <dd data-testid="cve-ransomware">{kev.ransomware_use === 'Known' ? f.ransomwareKnown : f.ransomwareUnknown}</dd>
        <dt class="font-bold">{f.kevProduct}</dt>
        <dd lang="en">{`${kev.vendor_project} ${kev.product}`}</dd>
        <dt class="font-bold">{f.requiredAction}</dt>
        <dd lang="en">{kev.required_action}</dd>
      </dl>
    </WarningNotice>
  );
}

function Detail({ cve }: { cve: CveDetail }) {
  const { t } = useI18n();
  const f = t.feeds.cve;
  const day = useDay();
  return (
    <>
      {cve.kev !== null ? <Kev kev={cve.kev} /> : <p class="mt-6 text-std-16N-170" data-testid="cve-not-kev">{f.notKev}</p>}
      {cve.jvn.length > 0 && (
        <section class="mt-10 max-w-3xl" aria-labelledby="cve-jvn">
          <h2 id="cve-jvn" class={h2Class}>{f.jvnHeading}</h2>
          {cve.jvn.map((entry) => (
            <article key={entry.jvndb_id} class="mt-4" data-testid={`cve-jvn-${entry.jvndb_id}`}>
              <h3 class="text-std-18B-160" lang="ja">{entry.title}</h3>
              <p class="mt-2 text-std-16N-170" lang="ja">{entry.summary}</p>
              <p class="mt-2 text-std-16N-170">
                <a href={entry.link} class={linkClass} rel="noopener noreferrer" target="_blank">
                  {f.jvnLink(entry.jvndb_id)}
                </a>
              </p>
            </article>
          ))}
        </section>
      )}
      {cve.nvd !== null && (
        <section class="mt-10 max-w-3xl" aria-labelledby="cve-nvd">
          <h2 id="cve-nvd" class={h2Class}>{f.nvdHeading}</h2>
          <dl class={dlClass}>
            <dt class="font-bold">{f.severity}</dt>
            <dd>
              <Severity score={cve.nvd.cvss_score} severity={cve.nvd.cvss_severity} />
              {cve.nvd.cvss_version !== '' && <span class="block text-solid-gray-700">{f.cvssVersion(cve.nvd.cvss_version)}</span>}
            </dd>
            <dt class="font-bold">{f.status}</dt>
            <dd>{cve.nvd.status === 'Rejected' ? f.rejected : f.published(day(cve.nvd.published), day(cve.nvd.last_modified))}</dd>
            <dt class="font-bold">{f.description}</dt>
            <dd lang="en" data-testid="cve-description">{cve.nvd.description}</dd>
          </dl>
        </section>
      )}
      {cve.products.length > 0 && (
        <section class="mt-10 max-w-3xl" aria-labelledby="cve-products">
          <h2 id="cve-products" class={h2Class}>{f.productsHeading}</h2>
          <p class="mt-2 text-std-16N-170">{f.productsLead}</p>
          <ul class="mt-2 list-disc pl-6" data-testid="cve-products">
            {cve.products.map((p) => (
              <li key={`${p.part}:${p.vendor}:${p.product}`}>
                <code translate={false}>{`${p.vendor}:${p.product}`}</code>
                {f.inBrackets(f.parts[p.part] ?? '')}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export function CvePage({ cveId }: { cveId: string }) {
  const { t } = useI18n();
  const f = t.feeds.cve;
  const [cve] = useResource(`cve-${cveId}`, (signal) => loadCve(cveId, signal));
  return (
    <div data-testid="cve-page">
      <h1 class={h1Class}>
        <span translate={false}>{cveId}</span>
      </h1>
      {cve.state === 'loading' && <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700">{t.feeds.loading}</p>}
      {cve.state === 'error' && <InfoNotice testId="cve-unavailable">{cve.error.status === 404 ? f.notFound : t.feeds.loadFailed}</InfoNotice>}
      {cve.state === 'ready' && <Detail cve={cve.data} />}
    </div>
  );
}
