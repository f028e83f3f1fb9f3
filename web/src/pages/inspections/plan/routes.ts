// Client routes of the yearly inspection plan:
//   /inspections/plan               the due list and the planned visits (list or calendar)
//   /inspections/plan/visits/{id}   one visit: its dates, inspectors, notice, postponement and history
//   /inspections/policy             the prefecture's inspection frequency
//   /inspections/summary            the jurisdiction's figures of a fiscal year
export type InspectionPlanRoute =
  | { kind: 'inspectionPlan'; page: 'plan' | 'policy' | 'summary' }
  | { kind: 'inspectionPlan'; page: 'visit'; id: number };

export const planPaths = {
  plan: '/inspections/plan',
  visit: (id: number) => `/inspections/plan/visits/${id}`,
  policy: '/inspections/policy',
  summary: '/inspections/summary',
};

export function matchInspectionPlanRoute(path: string): InspectionPlanRoute | null {
  if (path === planPaths.plan) return { kind: 'inspectionPlan', page: 'plan' };
  if (path === planPaths.policy) return { kind: 'inspectionPlan', page: 'policy' };
  if (path === planPaths.summary) return { kind: 'inspectionPlan', page: 'summary' };
  const visit = /^\/inspections\/plan\/visits\/([1-9][0-9]{0,9})$/.exec(path);
  if (visit !== null) return { kind: 'inspectionPlan', page: 'visit', id: Number(visit[1]) };
  return null;
}
