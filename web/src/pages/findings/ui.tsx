// Small pieces shared by the findings pages: the badges beside a CVE, the state label, the CVE id with its
// JVN Japanese title, and dates.
import { formatJstDate } from '../../auth/format';
import { useI18n } from '../../i18n';
import type { Finding } from './findingsApi';

const badgeBase = 'inline-block rounded-4 px-1.5 py-0.5 text-dns-14B-120 mr-1 mb-1';

export function Badges({ finding }: { finding: Pick<Finding, 'kev' | 'exposed'> }) {
  const { t } = useI18n();
  const b = t.findings.badges;
  return (
    <span data-testid="badges">
      {finding.kev !== null && <span class={`${badgeBase} bg-red-900 text-white`} data-testid="badge-kev">{b.kev}</span>}
      {finding.kev?.ransomware_use === 'Known' && (
        <span class={`${badgeBase} bg-solid-gray-900 text-white`} data-testid="badge-ransomware">{b.ransomware}</span>
      )}
      {finding.exposed && <span class={`${badgeBase} border border-red-900 bg-red-50 text-red-1000`} data-testid="badge-exposed">{b.exposed}</span>}
    </span>
  );
}

export function StateLabel({ state }: { state: string }) {
  const { t } = useI18n();
  const tone = state === 'open' ? 'text-red-1000 font-bold' : state === 'in_progress' ? 'text-blue-1000 font-bold' : 'text-solid-gray-800';
  return (
    <span class={tone} data-testid="state">
      {t.findings.states[state] ?? state}
    </span>
  );
}

/** The CVE id, and beside it the Japanese title from JVN iPedia when there is one. */
export function CveName({ finding }: { finding: Pick<Finding, 'cve_id' | 'jvn'> }) {
  return (
    <span>
      <span class="font-bold tabular-nums">{finding.cve_id}</span>
      {finding.jvn !== null && finding.jvn.title !== '' && (
        <span class="block text-std-16N-170 text-solid-gray-800" lang="ja" data-testid="jvn-title">
          {finding.jvn.title}
        </span>
      )}
    </span>
  );
}

/** A YYYY-MM-DD date as the page's language writes it. */
export function useDay(): (date: string | null | undefined, none: string) => string {
  const { language } = useI18n();
  return (date, none) => (date === null || date === undefined || date === '' ? none : formatJstDate(`${date.slice(0, 10)}T00:00:00+09:00`, language));
}

export function score(value: number | null, none: string): string {
  return value === null ? none : value.toFixed(1);
}
