// Why a record file was refused, as a sentence in the page's language: from the problem's first field error
// (its stable reason, its value, and the JSON path "lines[3].note" naming the line and the field).
import { ApiError } from '../../../api/http';
import { ProblemError } from '../../../auth/request';
import type { Messages } from '../../../i18n/ja';

export function recordFileProblem(t: Messages, error: unknown): string {
  const f = t.inspectionPlanFiles;
  if (!(error instanceof ApiError)) return t.inspectionRecord.failed;
  if (error.status === 409) return f.recordConflict;
  const first = error instanceof ProblemError ? error.fields[0] : undefined;
  const sentence = first?.reason !== undefined ? f.recordProblems[first.reason] : undefined;
  if (first === undefined || sentence === undefined) return t.inspectionRecord.failed;
  const path = /^lines\[(\d+)\](?:\.(\w+))?$/.exec(first.field);
  const fieldName = f.recordFields[path?.[2] ?? first.field] ?? '';
  const text = sentence(first.value ?? '', fieldName);
  return f.recordFailed(path !== null ? f.recordLine(Number(path[1]) + 1, text) : text);
}
