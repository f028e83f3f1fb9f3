// The surveys an institution is asked to answer (調査への回答): each with its fiscal year, the window in which it
// takes responses, and where the institution's response stands. An organisation no questionnaire targets has
// no such page (the menu does not offer it): the not-found page.
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel } from '../account/ui';
import { h1Class, leadClass, linkClass } from '../account/ui';
import { Loaded } from '../catalog/ui';
import { NotFound } from '../NotFound';
import { surveysPaths } from './routes';
import { surveysApi } from './surveysApi';
import { SurveyStatus, usePick, useWhen } from './ui';

export function SurveyList() {
  const { t } = useI18n();
  const s = t.surveys;
  const pick = usePick();
  const when = useWhen();
  const [list, reload] = useResource('surveys', (signal) => surveysApi.list(signal));
  if (list.state === 'error' && list.error.status === 404) return <NotFound />;
  if (list.state === 'ready' && list.data.surveys.length === 0) return <NotFound />;
  return (
    <div data-testid="surveys-page">
      <h1 class={h1Class}>{s.listTitle}</h1>
      <p class={leadClass}>{s.listLead}</p>
      <Loaded resource={list} reload={reload}>
        {(data) => (
          <>
          <h2 id="surveys-list-title" class="mt-8 text-std-18B-160 text-solid-gray-900">
            {s.listCaption}
          </h2>
          <table class={`mt-2 ${cardTableClass}`} aria-labelledby="surveys-list-title" data-testid="surveys-list">
            <thead class={cardHeadClass}>
              <tr class="border-b-2 border-solid-gray-600">
                <th scope="col" class="px-2 py-2">{s.columns.title}</th>
                <th scope="col" class="px-2 py-2">{s.columns.fiscalYear}</th>
                <th scope="col" class="px-2 py-2">{s.columns.window}</th>
                <th scope="col" class="px-2 py-2">{s.columns.status}</th>
                <th scope="col" class="px-2 py-2">{s.columns.updated}</th>
              </tr>
            </thead>
            <tbody class="block md:table-row-group">
              {[...data.surveys]
                .sort((a, b) => b.fiscal_year - a.fiscal_year)
                .map((survey) => {
                  const title = pick(survey.title_ja, survey.title_en);
                  return (
                    <tr key={`${survey.questionnaire}/${survey.version}`} class={cardRowClass} data-survey={`${survey.questionnaire}/${survey.version}`}>
                      <th scope="row" class={`${cardCellClass} text-left font-bold`}>
                        <CellLabel>{s.columns.title}</CellLabel>
                        <Link href={surveysPaths.questionnaire(survey.questionnaire, survey.version)} class={linkClass}>
                          {title}
                          <span class="sr-only">（{s.yearName(survey.fiscal_year)}）</span>
                        </Link>
                      </th>
                      <td class={cardCellClass}>
                        <CellLabel>{s.columns.fiscalYear}</CellLabel>
                        {s.yearName(survey.fiscal_year)}
                      </td>
                      <td class={cardCellClass}>
                        <CellLabel>{s.columns.window}</CellLabel>
                        <span>
                          {s.window(when(survey.opens), when(survey.closes))}
                          <br />
                          <span class="text-dns-14N-130 text-solid-gray-700">{survey.open ? s.openNow : s.closedNow}</span>
                        </span>
                      </td>
                      <td class={cardCellClass}>
                        <CellLabel>{s.columns.status}</CellLabel>
                        <SurveyStatus status={survey.status} />
                      </td>
                      <td class={cardCellClass}>
                        <CellLabel>{s.columns.updated}</CellLabel>
                        {survey.updated_at === null ? s.never : when(survey.updated_at)}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
          </>
        )}
      </Loaded>
    </div>
  );
}
