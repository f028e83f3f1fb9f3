import { useEffect } from 'preact/hooks';
import { landingPath } from '../auth/landing';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import type { Messages } from '../i18n/ja';
import { Dashboard } from './assessments/Dashboard';
import { OverdueBanner } from './inspections/requests/OverdueBanner';

type Audience = 'clinic' | 'hospital' | 'vendor' | 'inspector' | 'ministry';

const audiences: readonly Audience[] = ['clinic', 'hospital', 'vendor', 'inspector', 'ministry'];

function audienceText(t: Messages, audience: Audience): { title: string; body: string } {
  return { title: t.home[`${audience}Title`], body: t.home[`${audience}Body`] };
}

/** What mamori is and for whom: the home page for visitors and for organisations that do not assess themselves. */
function PublicHome() {
  const { t } = useI18n();
  return (
    <>
      <h1 class="text-std-24B-150 text-solid-gray-900 md:text-std-32B-150">{t.home.title}</h1>
      <p class="mt-4 max-w-3xl text-std-16N-175 md:text-std-18N-160">{t.home.lead}</p>

      <section aria-labelledby="audiences" class="mt-10">
        <h2 id="audiences" class="text-std-20B-150 text-solid-gray-900 md:text-std-24B-150">
          {t.home.audienceHeading}
        </h2>
        <ul class="mt-4 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {audiences.map((audience) => {
            const { title, body } = audienceText(t, audience);
            return (
              <li key={audience} class="rounded-8 border border-solid-gray-200 bg-white p-5 md:p-6">
                <h3 class="border-l-4 border-blue-900 pl-3 text-std-18B-160 text-solid-gray-900">{title}</h3>
                <p class="mt-3 text-std-16N-170">{body}</p>
              </li>
            );
          })}
        </ul>
      </section>

      <p class="mt-8 text-std-16N-170 text-solid-gray-700">{t.home.statusNote}</p>
    </>
  );
}

/**
 * A logged-in institution's users see where their self-assessment stands; other logged-in users go where
 * their work is (auth/landing.ts), so "Home" leads there too; visitors see the public home.
 */
export function Home() {
  const session = useSession();
  const elsewhere = session.status === 'active' && session.mfa === 'none' && landingPath(session.user) !== '/' ? landingPath(session.user) : null;
  useEffect(() => {
    if (elsewhere !== null) navigate(elsewhere, { replace: true });
  }, [elsewhere]);
  if (elsewhere !== null) return null;
  return (
    <>
      <OverdueBanner />
      <Dashboard fallback={<PublicHome />} />
    </>
  );
}
