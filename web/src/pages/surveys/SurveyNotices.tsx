// On an institution's home: 「調査への回答のお願い」 for each open questionnaire not yet submitted (or submitted,
// to check), with its window and a link. Nothing for an organisation no questionnaire targets.
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { linkClass } from '../catalog/ui';
import { surveysPaths } from './routes';
import { surveysApi } from './surveysApi';
import { SurveyStatus, usePick, useWhen } from './ui';

export function SurveyNotices() {
  const { t } = useI18n();
  const s = t.surveys;
  const pick = usePick();
  const when = useWhen();
  const [list] = useResource('survey-notices', (signal) => surveysApi.list(signal));
  if (list.state !== 'ready') return null;
  const open = list.data.surveys.filter((survey) => survey.open);
  if (open.length === 0) return null;
  return (
    <>
      {open.map((survey) => {
        const id = `survey-notice-${survey.questionnaire}-${survey.version}`;
        return (
          <section key={id} aria-labelledby={id} class="mt-6 max-w-4xl rounded-8 border-2 border-blue-900 bg-blue-50 p-4 md:p-6" data-testid="survey-notice">
            <h2 id={id} class="text-std-20B-150 text-solid-gray-900">
              {s.home.title}
            </h2>
            <p class="mt-2 text-std-16N-170">{s.home.body(pick(survey.title_ja, survey.title_en), when(survey.closes))}</p>
            <p class="mt-2 flex flex-wrap items-center gap-2 text-std-16N-170">
              {s.home.status}
              <SurveyStatus status={survey.status} />
            </p>
            <p class="mt-2">
              <Link href={surveysPaths.questionnaire(survey.questionnaire, survey.version)} class={linkClass}>
                {survey.status === 'submitted' ? s.home.check : s.home.answer}
              </Link>
            </p>
          </section>
        );
      })}
    </>
  );
}
