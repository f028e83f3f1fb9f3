// The revisions of an institution's response (回答の履歴), newest first: when, by whom, its status, how many
// questions it answered, and its answers behind a disclosure. Loaded again after every save or submission.
import { useResource } from '../../api/useResource';
import { langOf, useI18n } from '../../i18n';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, h2Class } from '../account/ui';
import { Loaded } from '../catalog/ui';
import { personName, surveysApi, type Question, type Revision } from './surveysApi';
import { DataText, SurveyStatus, useWhen } from './ui';

function RevisionAnswers({ revision, questions }: { revision: Revision; questions: Question[] }) {
  const { t } = useI18n();
  const h = t.surveys.history;
  const answered = questions.filter((question) => (revision.answers[question.id] ?? null) !== null);
  return (
    <details class="mt-1">
      <summary class="inline-flex min-h-11 cursor-pointer items-center text-std-16N-170 text-blue-1000 underline underline-offset-2">
        {h.showAnswers(h.revisionName(revision.revision))}
      </summary>
      <dl class="mt-2 grid gap-x-4 gap-y-1 text-std-16N-170 sm:grid-cols-[minmax(0,1fr)_auto]">
        {answered.map((question) => {
          const option = question.options.find((candidate) => candidate.id === revision.answers[question.id]);
          return (
            <div key={question.id} class="contents">
              <dt class="font-bold">{question.number ?? <DataText ja={question.text_ja} en={question.text_en} />}</dt>
              <dd class="mb-1 sm:mb-0 sm:whitespace-nowrap">{option === undefined ? h.unanswered : <DataText ja={option.label_ja} en={option.label_en} />}</dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}

export function SurveyHistory({ questionnaire, version, questions, refresh }: { questionnaire: string; version: string; questions: Question[]; refresh: number }) {
  const { t } = useI18n();
  const h = t.surveys.history;
  const when = useWhen();
  const [history, reload] = useResource(`survey-history/${questionnaire}/${version}/${refresh}`, (signal) => surveysApi.history(questionnaire, version, signal));
  return (
    <section aria-labelledby="survey-history-title" class="mt-12" data-testid="survey-history">
      <h2 id="survey-history-title" class={h2Class}>
        {h.title}
      </h2>
      <p class="mt-2 max-w-3xl text-std-16N-170">{h.lead}</p>
      <Loaded resource={history} reload={reload}>
        {(data) =>
          data.revisions.length === 0 ? (
            <p class="mt-4 text-std-16N-170 text-solid-gray-800" data-testid="survey-history-empty">
              {h.none}
            </p>
          ) : (
            <table class={`mt-4 ${cardTableClass}`}>
              <thead class={cardHeadClass}>
                <tr class="border-b-2 border-solid-gray-600">
                  <th scope="col" class="px-2 py-2">{h.revision}</th>
                  <th scope="col" class="px-2 py-2">{h.status}</th>
                  <th scope="col" class="px-2 py-2">{h.at}</th>
                  <th scope="col" class="px-2 py-2">{h.by}</th>
                  <th scope="col" class="px-2 py-2">{h.answered}</th>
                </tr>
              </thead>
              <tbody class="block md:table-row-group">
                {data.revisions.map((revision) => {
                  const by = personName(revision.by);
                  const count = questions.filter((question) => (revision.answers[question.id] ?? null) !== null).length;
                  return (
                    <tr key={revision.revision} class={`${cardRowClass} align-top`} data-testid="survey-revision" data-revision={revision.revision}>
                      <th scope="row" class={`${cardCellClass} whitespace-nowrap text-left font-bold`}>
                        <CellLabel>{h.revision}</CellLabel>
                        {h.revisionName(revision.revision)}
                      </th>
                      <td class={cardCellClass}>
                        <CellLabel>{h.status}</CellLabel>
                        <SurveyStatus status={revision.status} />
                      </td>
                      <td class={cardCellClass}>
                        <CellLabel>{h.at}</CellLabel>
                        {when(revision.at)}
                      </td>
                      <td class={cardCellClass}>
                        <CellLabel>{h.by}</CellLabel>
                        <span {...(langOf(by) === undefined ? {} : { lang: 'ja' })}>{by}</span>
                      </td>
                      <td class={cardCellClass}>
                        <CellLabel>{h.answered}</CellLabel>
                        <div>
                          {h.answeredCount(count)}
                          {count > 0 && <RevisionAnswers revision={revision} questions={questions} />}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}
