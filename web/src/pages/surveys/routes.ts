// Client routes of the surveys an institution answers (調査):
//   /surveys                           the questionnaires its organisation is asked to answer
//   /surveys/{questionnaire}/{version} one questionnaire: the questions, saving, submitting, the history
import { isSurveyId } from './surveysApi';

export type SurveysRoute =
  | { kind: 'surveys'; page: 'list' }
  | { kind: 'surveys'; page: 'questionnaire'; questionnaire: string; version: string };

export function matchSurveysRoute(path: string): SurveysRoute | null {
  if (path === '/surveys') return { kind: 'surveys', page: 'list' };
  if (!path.startsWith('/surveys/')) return null;
  const parts = path.split('/').slice(2).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return '';
    }
  });
  const [questionnaire, version] = parts;
  if (parts.length !== 2 || questionnaire === undefined || version === undefined) return null;
  if (!isSurveyId(questionnaire) || !isSurveyId(version)) return null;
  return { kind: 'surveys', page: 'questionnaire', questionnaire, version };
}

export const surveysPaths = {
  list: '/surveys',
  questionnaire: (questionnaire: string, version: string) => `/surveys/${encodeURIComponent(questionnaire)}/${encodeURIComponent(version)}`,
};
