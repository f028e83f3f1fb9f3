// The survey pages of an institution (調査): the list and one questionnaire, for signed-in users only.
import { RequireSession } from '../../auth/RequireSession';
import type { Messages } from '../../i18n/ja';
import { QuestionnairePage } from './Questionnaire';
import type { SurveysRoute } from './routes';
import { SurveyList } from './SurveyList';

export function surveysPageTitle(t: Messages, _route: SurveysRoute): string {
  return t.surveys.listTitle;
}

export function SurveysPage({ route }: { route: SurveysRoute }) {
  return (
    <RequireSession>
      {() => (route.page === 'list' ? <SurveyList /> : <QuestionnairePage questionnaire={route.questionnaire} version={route.version} />)}
    </RequireSession>
  );
}
