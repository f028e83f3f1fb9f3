// Improvement requests (issue 15) against `mamori serve --demo`: the health-centre inspector reads the
// pre-visit package of this year's visit of デモ総合病院 and makes a request; the hospital sees the reminder
// on its dashboard, answers with a plan, then reports completion with a file; the inspector closes it. The
// PDFs (事前資料, 改善指導書, 結果通知) are rendered with pdftoppm and kept as PNGs beside the screenshots
// (build/screenshots/inspection-requests-*.png).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { renderPdf as renderSharedPdf } from './inspection-helpers.mjs';
import { loginInPage, screenshotDir, startSession } from './support.mjs';

const currentFiscalYear = () => {
  const japan = new Date(Date.now() + 9 * 3600 * 1000);
  return japan.getUTCMonth() < 3 ? japan.getUTCFullYear() - 1 : japan.getUTCFullYear();
};

const inDays = (days) => new Date(Date.now() + 9 * 3600 * 1000 + days * 86_400_000).toISOString().slice(0, 10);

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `inspection-requests-${name}-desktop.png`), fullPage: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(screenshotDir, `inspection-requests-${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

const renderPdf = (page, url, name) => renderSharedPdf(page, url, `inspection-requests-${name}`);

const getJson = (page, path) => page.evaluate(async (p) => (await fetch(p, { headers: { Accept: 'application/json' } })).json(), path);

describe('improvement requests', () => {
  let session;

  before(async () => {
    session = await startSession({ personas: true, expectedError: (message) => /404/.test(message) });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
  });

  it('the inspector makes a request, the hospital answers with a plan and completion, the inspector closes it', async () => {
    const { page, baseUrl } = session;
    await loginInPage(page, baseUrl, 'hokenjo@demo.example', 'hokenjo-demo-pass');
    await page.waitForURL((url) => url.pathname === '/inspections');

    // The list of the jurisdiction's requests: the demo's two, of last year's inspection.
    await session.open('/improvement-requests');
    await page.getByTestId('requests-table').waitFor();
    assert.equal(await page.getByTestId('requests-table').locator('tbody tr').count(), 2);
    await shoot(page, 'inspector-list');

    // This year's visit of the hospital, as the API names it.
    const rows = await getJson(page, '/api/v1/jurisdiction/checklists?kind=hospital');
    const hospitalId = rows.rows[0].organisation_id;
    const history = await getJson(page, `/api/v1/organisations/${hospitalId}/inspections`);
    const visit = history.visits.find((v) => v.fiscal_year === currentFiscalYear());
    const last = history.visits.find((v) => v.fiscal_year === currentFiscalYear() - 1);
    assert.ok(visit && last, JSON.stringify(history.visits));

    // The pre-visit package: this year's いいえ, the vendors' plain note, last year's findings.
    await session.open(`/inspections/visits/${visit.id}/package`);
    await page.getByTestId('package-page').waitFor();
    await page.getByTestId('package-status').getByText('作成中（未提出）').waitFor();
    assert.ok((await page.getByTestId('package-no-lines').locator('li').count()) > 0);
    await page.getByTestId('package-vendors').getByText('事業者の回答は今後対応です').waitFor();
    await page.getByTestId('package-last-visit').getByText('改善指導が完了していないもの 1件').waitFor();
    await shoot(page, 'package');
    await renderPdf(page, `/api/v1/inspections/visits/${visit.id}/package?format=pdf`, 'package');

    // A request on this year's visit.
    await session.open(`/inspections/visits/${visit.id}/requests`);
    const form = page.getByTestId('create-request');
    await form.waitFor();
    const passwordItem = await form
      .getByLabel('対象の項目')
      .locator('option')
      .evaluateAll((options) => options.find((o) => o.textContent.includes('パスワード'))?.value ?? options[0].value);
    await form.getByLabel('対象の項目').selectOption(passwordItem);
    await form.getByLabel('改善を求める事項').fill('パスワードの使い回しを禁止する規程を定め、職員に周知すること。');
    await form.getByLabel('改善期限').fill(inDays(30));
    await shoot(page, 'create');
    await form.getByRole('button', { name: '改善指導を作る' }).click();
    await page.getByTestId('request-detail').waitFor();
    await page.getByTestId('request-status').getByText('回答待ち').waitFor();
    const requestPath = new URL(page.url()).pathname;
    const requestId = Number(requestPath.split('/').pop());
    await page.getByTestId('form-edit').waitFor();

    // The hospital: a reminder on the dashboard, the request, a plan, then completion with a file.
    const hospital = await session.newBrowser();
    await loginInPage(hospital.page, baseUrl, 'hospital@demo.example', 'hospital-demo-pass');
    await hospital.page.getByTestId('requests-banner').waitFor();
    await shoot(hospital.page, 'dashboard-banner');
    await hospital.page.getByTestId('requests-banner').getByRole('link').click();
    await hospital.page.getByTestId('institution-inspections').waitFor();
    await hospital.page.getByTestId(`institution-visit-${last.id}`).getByText('結果の概要').waitFor();
    await shoot(hospital.page, 'institution-page');
    // The menu's 立入検査 leads an institution to its own inspections, not to a jurisdiction's list.
    await hospital.page.getByRole('navigation').getByRole('link', { name: '立入検査' }).click();
    await hospital.page.waitForURL((url) => url.pathname === '/inspections');
    await hospital.page.getByTestId('institution-inspections').waitFor();
    assert.equal(await hospital.page.getByTestId('jurisdiction-page').count(), 0);
    await hospital.open(requestPath);
    await hospital.page.getByTestId('request-detail').waitFor();
    const plan = hospital.page.getByTestId('form-submit_plan');
    await plan.getByLabel('改善計画').fill('来月の委員会で規程を定め、全職員研修で周知します。');
    await plan.getByRole('button', { name: '改善計画を提出する' }).click();
    await hospital.page.getByTestId('request-status').getByText('改善計画提出済み').waitFor();
    const completion = hospital.page.getByTestId('form-report_completion');
    await completion.getByLabel('完了の報告').fill('規程を定め、研修を行いました。規程を添付します。');
    await completion.getByLabel('証拠資料のファイル').setInputFiles({
      name: '規程.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
    });
    await completion.getByRole('button', { name: '完了を報告する' }).click();
    await hospital.page.getByTestId('request-status').getByText('完了報告済み（確認待ち）').waitFor();
    await hospital.page.getByTestId('request-history').getByText('証拠資料：規程.pdf').waitFor();
    await shoot(hospital.page, 'institution-reported');

    // The inspector closes it; the history shows every step.
    await session.open(requestPath);
    const close = page.getByTestId('form-close');
    await close.getByLabel('コメント（任意）').fill('規程と研修記録を確認しました。');
    await close.getByRole('button', { name: '完了にする' }).click();
    await page.getByTestId('request-status').getByText('完了', { exact: true }).waitFor();
    await page.getByTestId('request-history').locator('li[data-action="close"]').waitFor();
    assert.deepEqual(
      await page.getByTestId('request-history').locator('li').evaluateAll((items) => items.map((li) => li.dataset.action)),
      ['created', 'submit_plan', 'report_completion', 'close'],
    );
    assert.equal(await page.getByTestId('form-edit').count(), 0, 'a closed request is not edited');
    await shoot(page, 'closed');

    await renderPdf(page, `/api/v1/improvement-requests/${requestId}/document`, 'request');
    await renderPdf(page, `/api/v1/inspections/visits/${last.id}/documents/result-notice`, 'result-notice');
  });
});
