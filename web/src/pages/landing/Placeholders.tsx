// Where the ministry's analysts land while their capability is not built: a plain statement
// of what is not there yet and what the page will show, and what they can do meanwhile.
import { useSession } from '../../auth/session';
import { identityPaths } from '../../auth/routes';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { h1Class, linkClass } from '../catalog/ui';

function Placeholder({ testId, title, lead, body, now }: { testId: string; title: string; lead: string | null; body: string; now: string }) {
  const { t } = useI18n();
  const p = t.landing;
  return (
    <div data-testid={testId}>
      {lead !== null && <p class="text-std-16B-170 text-solid-gray-700">{lead}</p>}
      <h1 class={h1Class}>{title}</h1>
      <div class="mt-6 max-w-3xl rounded-8 border-2 border-blue-900 bg-blue-50 p-5 md:p-6">
        <p class="inline-block rounded-4 bg-blue-900 px-2 py-1 text-dns-14B-120 text-white">{t.comingSoon.badge}</p>
        <p class="mt-3 text-std-16N-170">{body}</p>
      </div>
      <p class="mt-6 max-w-3xl text-std-16N-170">{now}</p>
      <ul class="mt-3 space-y-2 text-std-16N-170">
        <li>
          <Link href="/catalog" class={linkClass}>
            {p.catalogLink}
          </Link>
        </li>
        <li>
          <Link href={identityPaths.account} class={linkClass}>
            {p.accountLink}
          </Link>
        </li>
      </ul>
    </div>
  );
}

function useOrganisation(): string | null {
  const session = useSession();
  return session.status === 'active' ? session.user.organisation_name : null;
}

export function NationalFigures() {
  const { t } = useI18n();
  const p = t.landing;
  const organisation = useOrganisation();
  return (
    <Placeholder
      testId="statistics-placeholder"
      title={p.statisticsTitle}
      lead={organisation}
      body={p.statisticsBody}
      now={p.statisticsNow}
    />
  );
}
