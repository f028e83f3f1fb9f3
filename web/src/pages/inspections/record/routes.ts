// The record's address: /inspections/visits/:id/record.
export type InspectionRecordRoute = { kind: 'inspectionRecord'; visitId: number };

export function matchInspectionRecordRoute(path: string): InspectionRecordRoute | null {
  const match = /^\/inspections\/visits\/([1-9][0-9]{0,17})\/record$/.exec(path);
  return match === null ? null : { kind: 'inspectionRecord', visitId: Number(match[1]) };
}

export const inspectionRecordPath = (visitId: number) => `/inspections/visits/${visitId}/record`;
