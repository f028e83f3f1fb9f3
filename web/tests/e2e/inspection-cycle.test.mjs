// The whole inspection cycle (issue 15) in the browser against `mamori serve --demo`: the health centre's
// inspector plans あおば薬局 in the plan page and notifies it; the pharmacy submits its checklist (through the
// API, as set-up); on a 768 px tablet the inspector starts the record, takes it away, records a finding
// without a network, comes back online and the lines are sent; completes the record; turns the finding into
// an improvement request; the pharmacy answers with a plan and a completion report with a file; the
// inspector closes it. Screenshots and the 結果通知 / 改善指導書 PDFs: build/screenshots/inspection-cycle-*.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { offlineExpectedError, recordCard, recordLine, renderPdf } from './inspection-helpers.mjs';
import { ApiClient, loginInPage, screenshotDir, startSession } from './support.mjs';

const inDays = (days) => new Date(Date.now() + 9 * 3600 * 1000 + days * 86_400_000).toISOString().slice(0, 10);
const fiscalYearOf = (iso) => {
  const [y, m] = iso.split('-').map(Number);
  return m < 4 ? y - 1 : y;
};
const shoot = (page, name) => page.screenshot({ path: join(screenshotDir, `inspection-cycle-${name}.png`), fullPage: true });
const getJson = (page, path) => page.evaluate(async (p) => (await fetch(p, { headers: { Accept: 'application/json' } })).json(), path);

// submitChecklist: the pharmacy answers every line of this fiscal year's checklist (one いいえ) and submits it.
async function submitChecklist(baseUrl, fiscalYear) {
  const pharmacy = new ApiClient(new URL(baseUrl));
  await pharmacy.login('aoba@demo.example', 'aoba-demo-pass');
  const me = await pharmacy.expectOk('GET', '/api/v1/me');
  const checklist = await pharmacy.expectOk('POST', `/api/v1/organisations/${me.organisation_id}/assessments`, { fiscal_year: fiscalYear });
  const path = `/api/v1/assessments/${checklist.id}`;
  await pharmacy.expectOk('PATCH', path, { version: checklist.version, has_vendor_contract: false });
  let n = 0;
  for (const item of checklist.items) {
    if (item.applicability.requires_vendor_contract) continue;
    for (const row of item.rows) {
      const no = n++ === 0;
      await pharmacy.expectOk('PUT', `${path}/answers/${item.canonical_id}/${row.key}`, {
        version: 0,
        value: no ? 'no' : 'yes',
        confirmed_on: inDays(0),
        ...(no ? { target_date: inDays(90) } : {}),
      });
    }
  }
  const answered = await pharmacy.expectOk('GET', path);
  await pharmacy.expectOk('POST', `${path}/submit`, { version: answered.version });
}

describe('the whole inspection cycle', () => {
  let session;

  before(async () => {
    // Besides the offline tablet's errors: the record page asks for the record before it is started (404).
    session = await startSession({
      personas: true,
      expectedError: (message) => offlineExpectedError(message) || (message.location().url.endsWith('/record') && /404/.test(message.text())),
    });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
  });

  it('plans, notifies, records offline on a tablet, turns the finding into a request, which the pharmacy answers and the inspector closes', async () => {
    const { page, baseUrl } = session;
    const visitOn = inDays(20);
    const finding = '端末のOSが更新されておらず、サポートが終了している。';

    // Set-up: the prefecture makes pharmacies due every 5 years, so the never-inspected pharmacy is due.
    const prefecture = new ApiClient(new URL(baseUrl));
    await prefecture.login('tokyo@demo.example', 'tokyo-demo-pass');
    await prefecture.expectOk('PUT', '/api/v1/inspections/policies', { rules: [{ inspection_class: 'pharmacy', every_years: 5 }] });

    // Plan and notify from the plan page.
    await loginInPage(page, baseUrl, 'hokenjo@demo.example', 'hokenjo-demo-pass');
    await session.open('/inspections/plan');
    await page.getByTestId('plan-due-table').getByText('あおば薬局').waitFor();
    await page.getByLabel('あおば薬局を選ぶ').check();
    await page.getByLabel('予定日').first().fill(visitOn);
    await page.getByLabel('担当者').selectOption({ index: 1 });
    await page.getByTestId('plan-add').click();
    await page.getByTestId('plan-added').getByText('1件を計画に加えました。').waitFor();
    const visits = await getJson(page, `/api/v1/inspections/visits?fiscal_year=${fiscalYearOf(visitOn)}`);
    const visit = visits.rows.find((v) => v.institution_name === 'あおば薬局');
    assert.ok(visit, JSON.stringify(visits));
    await session.open(`/inspections/plan/visits/${visit.id}`);
    await page.getByLabel('点検表の提出期限').fill(inDays(13));
    await page.getByTestId('visit-notify-button').click();
    await page.getByTestId('visit-message').getByText('医療機関に通知しました。').waitFor();
    await shoot(page, 'notified');

    await submitChecklist(new URL(baseUrl), fiscalYearOf(visitOn));

    // On site, on a tablet: start the record, take it away, record without a network.
    await page.setViewportSize({ width: 768, height: 1024 });
    const recordPath = `/inspections/visits/${visit.id}/record`;
    await session.open(recordPath);
    await page.getByRole('button', { name: '記録を始める' }).click();
    await page.getByRole('heading', { name: 'あおば薬局 の検査記録' }).waitFor();
    const started = await getJson(page, `/api/v1${recordPath}`);
    assert.equal(started.checklist_of_record.status, 'submitted');
    const [first, second] = started.checklist_of_record.lines.filter((l) => !l.gate);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    await page.getByTestId('take-away').click();
    await page.getByTestId('taken-away').getByText(/持ち出し済み/).waitFor();

    await page.context().setOffline(true);
    await recordLine(page, first, '指摘', finding);
    await recordCard(page, first).getByText('この端末に保存しました（未送信）。').waitFor();
    await recordLine(page, second, '確認');
    await page.getByTestId('record-pending').getByText('未送信の記録 2 行').waitFor();
    await page.getByTestId('record-offline').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'inspection-cycle-offline-lines-768.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshotDir, 'inspection-cycle-offline-768.png') });

    // Back online: the queue is sent by itself.
    await page.context().setOffline(false);
    await page.getByTestId('record-pending').waitFor({ state: 'detached' });
    const synced = await getJson(page, `/api/v1${recordPath}`);
    assert.deepEqual(synced.lines.map((l) => [l.canonical_id, l.verdict]).sort(), [[first.canonical_id, 'finding'], [second.canonical_id, 'confirmed']].sort());

    // Complete; then the finding becomes a request from the record.
    await page.getByLabel('結果（医療機関に伝わります）').fill('おおむね適切に管理されている。指摘1件について改善を求める。');
    await page.getByRole('button', { name: '完了する' }).click();
    await page.getByTestId('record-completed').waitFor();
    await page.getByTestId('record-counts').getByText(/指摘 1 件/).waitFor();
    await shoot(page, 'completed-768');
    await page.getByTestId('record-findings-to-requests').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'inspection-cycle-completed-result-768.png') });
    await page.getByTestId('record-findings-to-requests').click();
    const panel = page.getByTestId('findings-to-requests');
    const text = panel.getByLabel('改善指導の内容');
    await text.waitFor();
    assert.equal(await text.inputValue(), finding, 'pre-filled with the finding');
    await panel.getByLabel('期限（一括）').fill(inDays(30));
    await shoot(page, 'findings-768');
    await panel.getByTestId('findings-create').click();
    await page.getByTestId('findings-made').getByText('改善指導を1件作成しました。施設に通知されます。').waitFor();
    await page.getByTestId('visit-request-list').getByText('回答待ち').waitFor();
    await page.getByTestId('findings-to-requests').getByText('この指摘の改善指導は作成済みです').waitFor();
    await shoot(page, 'requested-768');
    await page.getByTestId('findings-to-requests').getByRole('link', { name: '改善指導を開く' }).click();
    await page.getByTestId('request-detail').waitFor();
    const requestPath = new URL(page.url()).pathname;
    const request = await getJson(page, `/api/v1${requestPath}`);
    assert.equal(request.text, finding);
    assert.equal(request.due_on, inDays(30));

    // The pharmacy answers with a plan, then reports completion with a file.
    const pharmacy = await session.newBrowser();
    await loginInPage(pharmacy.page, baseUrl, 'aoba@demo.example', 'aoba-demo-pass');
    await pharmacy.page.getByTestId('requests-banner').waitFor();
    await pharmacy.open(requestPath);
    await pharmacy.page.getByTestId('request-detail').getByText(finding).first().waitFor();
    const plan = pharmacy.page.getByTestId('form-submit_plan');
    await plan.getByLabel('改善計画').fill('今月中に端末のOSを更新し、更新手順を定めます。');
    await plan.getByRole('button', { name: '改善計画を提出する' }).click();
    await pharmacy.page.getByTestId('request-status').getByText('改善計画提出済み').waitFor();
    const completion = pharmacy.page.getByTestId('form-report_completion');
    await completion.getByLabel('完了の報告').fill('全端末のOSを更新しました。更新記録を添付します。');
    await completion.getByLabel('証拠資料のファイル').setInputFiles({
      name: '更新記録.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
    });
    await completion.getByRole('button', { name: '完了を報告する' }).click();
    await pharmacy.page.getByTestId('request-status').getByText('完了報告済み（確認待ち）').waitFor();
    assert.equal(await pharmacy.page.getByText('内部メモ').count(), 0);
    await pharmacy.page.screenshot({ path: join(screenshotDir, 'inspection-cycle-pharmacy-reported.png'), fullPage: true });
    assert.deepEqual(pharmacy.problems, []);

    // The inspector closes it.
    await session.open(requestPath);
    const close = page.getByTestId('form-close');
    await close.getByLabel('コメント（任意）').fill('更新記録を確認しました。');
    await close.getByRole('button', { name: '完了にする' }).click();
    await page.getByTestId('request-status').getByText('完了').waitFor();
    assert.deepEqual(
      await page.getByTestId('request-history').locator('li').evaluateAll((items) => items.map((li) => li.dataset.action)),
      ['created', 'submit_plan', 'report_completion', 'close'],
    );
    await shoot(page, 'closed-768');

    await renderPdf(page, `/api/v1/inspections/visits/${visit.id}/documents/result-notice`, 'inspection-cycle-result-notice');
    await renderPdf(page, `/api/v1${requestPath}/document`, 'inspection-cycle-request');
  });
});
