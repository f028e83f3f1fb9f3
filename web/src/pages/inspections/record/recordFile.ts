// The record as a file (format "mamori.inspection-record", read by the server's parse_record_file): the
// lines recorded on this device and not sent yet, each with the version it was based on, for a tablet that
// will not be back online (handed over on a USB stick, say, and imported from another PC).
import type { LineEdit } from './recordApi';
import { deviceName } from './offlineStore';

export function recordFile(visitId: number, edits: readonly LineEdit[], summary: string) {
  return {
    format: 'mamori.inspection-record',
    format_version: 1,
    visit_id: visitId,
    device: deviceName(),
    summary,
    completed: false,
    lines: edits.map((e) => ({
      canonical_id: e.canonical_id,
      row: e.row,
      verdict: e.verdict,
      finding: e.verdict === 'finding' ? e.finding : '',
      note: e.note,
      evidence_seen: e.evidence_seen,
      base_version: e.base_version,
    })),
  };
}

export function saveRecordFile(visitId: number, edits: readonly LineEdit[], summary: string): void {
  const blob = new Blob([JSON.stringify(recordFile(visitId, edits, summary), null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `inspection-${visitId}-record.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
