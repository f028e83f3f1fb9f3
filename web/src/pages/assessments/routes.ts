// Client routes of the self-assessment:
//   /assessments                      this institution's assessments; start this year's
//   /assessments/{id}                 overview: progress, what to do first, submit, export and import
//   /assessments/{id}/wizard[/{step}] one item per screen (step 1 is the gate question when the form has one)
//   /assessments/{id}/table           every row in one table, edited in place

export type AssessmentPage = 'list' | 'overview' | 'wizard' | 'table';

export type AssessmentRoute =
  | { kind: 'assessments'; page: 'list' }
  | { kind: 'assessments'; page: 'overview' | 'table'; id: number }
  | { kind: 'assessments'; page: 'wizard'; id: number; step: number | null };

function positive(text: string | undefined): number | null {
  if (text === undefined || !/^[1-9][0-9]{0,9}$/.test(text)) return null;
  return Number(text);
}

export function matchAssessmentRoute(path: string): AssessmentRoute | null {
  if (path === '/assessments') return { kind: 'assessments', page: 'list' };
  if (!path.startsWith('/assessments/')) return null;
  const parts = path.split('/').slice(2);
  const id = positive(parts[0]);
  if (id === null) return null;
  if (parts.length === 1) return { kind: 'assessments', page: 'overview', id };
  if (parts.length === 2 && parts[1] === 'table') return { kind: 'assessments', page: 'table', id };
  if (parts[1] === 'wizard') {
    if (parts.length === 2) return { kind: 'assessments', page: 'wizard', id, step: null };
    const step = positive(parts[2]);
    if (parts.length === 3 && step !== null) return { kind: 'assessments', page: 'wizard', id, step };
  }
  return null;
}

export const assessmentPaths = {
  list: '/assessments',
  overview: (id: number) => `/assessments/${id}`,
  wizard: (id: number, step?: number) => (step === undefined ? `/assessments/${id}/wizard` : `/assessments/${id}/wizard/${step}`),
  table: (id: number) => `/assessments/${id}/table`,
};
