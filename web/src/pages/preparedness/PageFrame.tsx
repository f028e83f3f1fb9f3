// The frame the preparedness pages share: what shows while their records load or when they are refused, then
// the way back to the overview, the page's title and lead, and its downloads.
import type { ComponentChildren, JSX } from 'preact';
import type { Resource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { Link } from '../../router';
import { h1Class, InfoNotice, leadClass } from '../account/ui';
import { buttonClass as downloadClass, linkClass } from '../catalog/ui';
import { preparednessPaths } from './routes';

/** Loading, or the refusal in words (`notFound` for a 404: by default, not an institution's page), else null. */
export function loadingOrRefused<T>(t: Messages, resource: Resource<T>, notFound?: { text: string; testId: string }): JSX.Element | null {
  const p = t.preparedness;
  if (resource.state === 'loading') return <p role="status" class="text-std-16N-170 text-solid-gray-700">{t.identity.loading}</p>;
  if (resource.state === 'error') {
    const missing = resource.error.status === 404;
    return <InfoNotice testId={notFound?.testId ?? 'preparedness-unavailable'}>{missing ? (notFound?.text ?? p.notInstitution) : p.loadFailed}</InfoNotice>;
  }
  return null;
}

/** The back link to the overview, the h1 and the lead; `children` follow them (the page's downloads). */
export function RecordPageHead({ title, lead, children }: { title: string; lead: string; children?: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link href={preparednessPaths.overview} class={linkClass}>
          {t.preparedness.back}
        </Link>
      </p>
      <h1 class={`${h1Class} mt-4`}>{title}</h1>
      <p class={leadClass}>{lead}</p>
      {children}
    </>
  );
}

/** A page's documents to download, after "ダウンロード：". */
export function DownloadLinks({ testId, links }: { testId: string; links: { href: string; label: string; testId: string }[] }) {
  const { t } = useI18n();
  return (
    <p class="mt-4 flex flex-wrap items-center gap-3" data-testid={testId}>
      <span class="text-std-16B-170">{t.preparedness.contacts.documentsLabel}</span>
      {links.map((link) => (
        <a key={link.href} href={link.href} download class={downloadClass} data-testid={link.testId}>
          <span aria-hidden="true">⤓</span>
          {link.label}
        </a>
      ))}
    </p>
  );
}
