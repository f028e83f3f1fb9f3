// On an institution's home: 非常時の備え in one box: how many things need attention, and the way in. Nothing
// when the summary cannot be read (an organisation without the records).
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { linkClass } from '../catalog/ui';
import { preparednessApi } from './api';
import { preparednessPaths } from './routes';

export function PreparednessCard() {
  const { t } = useI18n();
  const h = t.preparedness.homeCard;
  const [summary] = useResource('preparedness-home', (signal) => preparednessApi.summary(signal));
  if (summary.state !== 'ready') return null;
  const count = summary.data.warnings.length;
  return (
    <section aria-labelledby="home-preparedness" class="mt-8 max-w-4xl rounded-8 border border-solid-gray-420 p-4 md:p-6" data-testid="home-preparedness">
      <h2 id="home-preparedness" class="text-std-20B-150 text-solid-gray-900">
        {h.title}
      </h2>
      <p class="mt-2 text-std-16N-170">{h.body}</p>
      <p class={`mt-2 text-std-16B-170 ${count > 0 ? 'text-error-1' : 'text-solid-gray-800'}`} data-testid="home-preparedness-state">
        {count > 0 ? h.warnings(count) : h.none}
      </p>
      <p class="mt-3">
        <Link href={preparednessPaths.overview} class={linkClass}>
          {h.link}
        </Link>
      </p>
    </section>
  );
}
