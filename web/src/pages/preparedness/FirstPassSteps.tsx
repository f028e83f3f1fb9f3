// The foot of each page of the first pass (連絡体制図 → バックアップ → 訓練 → BCP確認表): where this page stands
// among the four steps and the way on to the next one, so a clinic goes through them in order as the overview
// lists them, then back to the overview.
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { buttonClass } from '../account/ui';
import { preparednessPaths } from './routes';

const steps: readonly string[] = [preparednessPaths.contacts, preparednessPaths.backups, preparednessPaths.drills, preparednessPaths.bcp];

export function FirstPassSteps({ step }: { step: 1 | 2 | 3 | 4 }) {
  const { t } = useI18n();
  const o = t.preparedness.overview;
  const titles = [o.step1, o.step2, o.step3, o.step4];
  const next = step < steps.length ? { href: steps[step] ?? preparednessPaths.overview, label: o.nextStep(titles[step] ?? '') } : { href: preparednessPaths.overview, label: o.allStepsSeen };
  return (
    <nav aria-label={o.stepsHeading} class="mt-10 flex max-w-3xl flex-wrap items-center justify-between gap-3 border-t border-solid-gray-420 pt-4" data-testid="first-pass-steps">
      <p class="text-std-16N-170 text-solid-gray-800">{o.stepOf(step, steps.length)}</p>
      <Link href={next.href} class={buttonClass} data-testid="next-step">
        {next.label}
        <span aria-hidden="true" class="ml-2">
          →
        </span>
      </Link>
    </nav>
  );
}
