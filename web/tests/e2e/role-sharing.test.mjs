// The 役割分担確認表 (issue 16 item 5) against `mamori serve --demo`: デモ総合病院's director opens it from the
// EHR's page in the systems register (the demo has はい on one row and a resolved いいえ on another), fills
// the communication-path row (いいえ; a 完了日 before 初回確認 is refused by the field), and prints the PDF;
// the vendor finds the system in its list with progress, fills the 完了日 and sees the history name both
// sides. Screenshots at 1280 and 390 px: build/screenshots/role-sharing-*.png; the PDF:
// build/screenshots/role-sharing.pdf.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginInPage, screenshotDir, startSession } from './support.mjs';

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `role-sharing-${name}-1280.png`), fullPage: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(screenshotDir, `role-sharing-${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

/** A day in Japan `plus` days from today, as YYYY-MM-DD. */
function day(plus) {
  return new Date(Date.now() + 9 * 3600_000 + plus * 86_400_000).toISOString().slice(0, 10);
}

describe('the role-sharing table', () => {
  let session;

  before(async () => {
    session = await startSession({ personas: true, expectedError: (message) => /status of 400/.test(message.text()) });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
  });

  it('the hospital fills a row from its EHR page and prints the table; the vendor fills the completion date', async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(page, baseUrl, 'hospital@demo.example', 'hospital-demo-pass');
    await page.waitForURL((url) => url.pathname === '/');
    await session.open('/systems');
    await page.getByTestId('systems-table').getByRole('link', { name: /電子カルテ（全病棟・外来）/ }).click();
    await page.getByTestId('system-detail').waitFor();
    await page.getByTestId('role-sharing-link').getByRole('link', { name: '役割分担確認表' }).click();
    await page.getByTestId('role-sharing').waitFor();

    // The demo's two rows; the summary mark on text that is not the official wording; the unknown number.
    const facts = page.getByTestId('role-sharing-facts');
    await facts.getByText('デモ医療システム株式会社').waitFor();
    await facts.getByText('3項目中 2項目 確認済み（完了 2項目）').waitFor();
    const security = page.getByTestId('row-p1-1-1-vendor-security');
    await security.getByText('事業者の情報セキュリティにおける対応状況').waitFor();
    assert.match(await security.getByTestId('first-check').innerText(), /^はい（/);
    assert.equal(await security.getByTestId('summary-mark').count(), 1, 'the content is a summary, the item is not');
    const guideline = page.getByTestId('row-p2-a-1-provider-guideline');
    assert.match(await guideline.getByTestId('first-check').innerText(), /^いいえ（/);
    assert.notEqual(await guideline.getByTestId('completed-on').innerText(), '（なし）');
    const path = page.getByTestId('row-p2-communication-path');
    await path.getByText('不明').waitFor();
    await path.getByText('内容の原文は未収録です。').waitFor();
    await shoot(page, 'hospital');

    // いいえ with a 完了日 before 初回確認: the field says why; then いいえ left open.
    await page.getByTestId('edit-p2-communication-path').click();
    const editor = page.getByTestId('row-editor-p2-communication-path');
    await editor.getByLabel('いいえ').check();
    await editor.getByLabel('初回確認の日').fill(day(-5));
    await editor.getByLabel('完了日（「いいえ」の項目が解消した日）').fill(day(-10));
    await editor.getByLabel('備考').fill('VPN装置の更新時期を確認する');
    await shoot(page, 'editor');
    await editor.getByRole('button', { name: '保存する' }).click();
    await editor.getByText('完了日は「いいえ」の項目だけに、初回確認の日と同じ日かそれより後（今日まで）の日付で記入してください。').waitFor();
    await shoot(page, 'editor-error');
    await editor.getByLabel('完了日（「いいえ」の項目が解消した日）').fill('');
    await editor.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('row-saved').waitFor();
    assert.match(await path.getByTestId('first-check').innerText(), /^いいえ（/);
    await facts.getByText('3項目中 3項目 確認済み（完了 2項目）').waitFor();

    // Print: the PDF of the table.
    const href = await page.getByTestId('print-link').getAttribute('href');
    const pdf = await page.request.get(new URL(href, baseUrl).href);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const bytes = await pdf.body();
    assert.equal(bytes.subarray(0, 4).toString(), '%PDF');
    writeFileSync(join(screenshotDir, 'role-sharing.pdf'), bytes);

    // The vendor: its menu leads to its customers' systems with progress; it fills the 完了日.
    const vendor = await session.newBrowser();
    await vendor.page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(vendor.page, baseUrl, 'vendor@demo.example', 'vendor-demo-pass');
    await vendor.page.waitForURL((url) => url.pathname !== '/login');
    await vendor.page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '役割分担確認表' }).click();
    const list = vendor.page.getByTestId('vendor-systems-table');
    await list.waitFor();
    assert.equal(await list.locator('tbody tr').count(), 2);
    await list.getByText('3項目中 3項目 確認済み（完了 2項目）').waitFor();
    await list.getByText('3項目中 0項目 確認済み（完了 0項目）').waitFor();
    await shoot(vendor.page, 'vendor-list');
    await list.getByRole('link', { name: /電子カルテ（全病棟・外来）/ }).click();
    await vendor.page.getByTestId('role-sharing').waitFor();
    await vendor.page.getByRole('link', { name: 'お客様のシステムの一覧に戻る' }).waitFor();
    await vendor.page.getByTestId('edit-p2-communication-path').click();
    const vendorEditor = vendor.page.getByTestId('row-editor-p2-communication-path');
    await vendorEditor.getByLabel('完了日（「いいえ」の項目が解消した日）').fill(day(-1));
    await vendorEditor.getByLabel('備考').fill('VPN装置を更新しました（事業者）');
    await vendorEditor.getByRole('button', { name: '保存する' }).click();
    await vendor.page.getByTestId('row-saved').waitFor();
    const vendorRow = vendor.page.getByTestId('row-p2-communication-path');
    assert.notEqual(await vendorRow.getByTestId('completed-on').innerText(), '（なし）');
    await vendor.page.getByTestId('role-sharing-facts').getByText('3項目中 3項目 確認済み（完了 3項目）').waitFor();
    const history = vendor.page.getByTestId('row-history-p2-communication-path');
    await history.locator('summary').click();
    await history.getByText(/事業者（デモ医療システム株式会社）/).waitFor();
    await history.getByText(/医療機関（デモ総合病院）/).waitFor();
    await shoot(vendor.page, 'vendor-table');
    // The same page in English: the table's Japanese wording stays as it is, marked as Japanese.
    await vendor.page.getByRole('button', { name: 'English' }).click();
    await vendor.page.getByRole('heading', { name: 'Role-sharing confirmation table', level: 1 }).waitFor();
    await vendor.page.getByTestId('role-sharing-facts').getByText('3 of 3 items checked (3 settled)').waitFor();
    await shoot(vendor.page, 'vendor-table-en');
    await vendor.page.getByRole('button', { name: '日本語' }).click();
    await vendor.page.getByRole('heading', { name: '役割分担確認表', level: 1 }).waitFor();

    // The hospital sees the vendor's 完了日 after reloading.
    await page.reload();
    await page.getByTestId('role-sharing').waitFor();
    await page.getByTestId('role-sharing-facts').getByText('3項目中 3項目 確認済み（完了 3項目）').waitFor();
    assert.deepEqual(vendor.problems, []);
  });
});
