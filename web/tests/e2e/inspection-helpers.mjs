// Helpers shared by the inspection browser tests: the on-site record's line cards, the console errors an
// offline tablet provokes on purpose, and a PDF rendered to a PNG beside the screenshots.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshotDir } from './support.mjs';

/** Offline requests fail on purpose, and a conflict is a 409 the record page handles. */
export const offlineExpectedError = (message) => /ERR_INTERNET_DISCONNECTED|status of 409|Failed to fetch/.test(message.text());

/** The card of one checklist line on the record page. */
export const recordCard = (page, line) => page.locator(`[data-testid="record-line"][data-line="${line.canonical_id}/${line.row}"]`);

/** Records one line on the record page: the verdict (確認 / 記載不備 / 指摘) and, for 指摘, its text. */
export async function recordLine(page, line, verdict, finding) {
  const c = recordCard(page, line);
  await c.getByRole('radio', { name: verdict }).check();
  if (finding !== undefined) await c.getByLabel('指摘の内容（医療機関に伝わります）').fill(finding);
  await c.getByRole('button', { name: 'この行を記録する' }).click();
}

/** Fetches a PDF with the page's session and renders its first page to `<stem>-pdf.png` with pdftoppm. */
export async function renderPdf(page, url, stem) {
  const response = await page.request.get(new URL(url, page.url()).href);
  assert.equal(response.status(), 200, `${url}: ${response.status()}`);
  const body = await response.body();
  assert.equal(body.subarray(0, 4).toString(), '%PDF');
  const file = join(screenshotDir, `${stem}.pdf`);
  writeFileSync(file, body);
  const run = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(screenshotDir, `${stem}-pdf`)]);
  assert.equal(run.status, 0, `pdftoppm ${file}: ${run.stderr}`);
}
