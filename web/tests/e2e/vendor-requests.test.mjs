// 事業者確認用 requests (issue 16) against `mamori serve --demo`: デモ総合病院 and さくら内科クリニック each ask the
// demo vendor, from a system of their register, to answer the vendor form for next fiscal year (the demo has
// this year's requests already); the vendor finds the requests
// (filtered by institution), answers its product once, applies the answers to both requests (the confirmation
// names how many institutions receive them), changes one item
// for the clinic only and shares again; each institution sees its answers (the change only at the clinic);
// the hospital returns its answers for correction and sees 変更 after the vendor shares again; the print link
// gives a PDF whose first page is rendered with pdftoppm. Then the vendor declines the demo's overdue request
// (the hospital reads the reason and asks again), and a save over a colleague's newer one asks for a reload. Screenshots: build/screenshots/vendor-requests-*.png.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginInPage, screenshotDir, startSession } from './support.mjs';

// At 1280 px; `narrow` pages also at 390 px (a phone).
async function shoot(page, name, { narrow = false } = {}) {
  await page.screenshot({ path: join(screenshotDir, `vendor-requests-${name}.png`), fullPage: true });
  if (!narrow) return;
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(screenshotDir, `vendor-requests-${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

function inDays(days) {
  return new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

// The Japanese fiscal year (April–March) of today, and next year's as the pages write it (令和N年度).
function fiscalYear() {
  const jst = new Date(Date.now() + 9 * 3600_000);
  return jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
}
const nextYear = fiscalYear() + 1;
const nextYearLabel = `令和${nextYear - 2018}年度`;

async function signIn(browser, baseUrl, login, password) {
  await loginInPage(browser.page, baseUrl, login, password);
  await browser.page.waitForURL((url) => url.pathname !== '/login');
}

// The institution asks the vendor of one system of its register; returns the new request's id.
async function ask(page, systemName, dueOn, shotName) {
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'システム台帳' }).click();
  await page.getByTestId('systems-table').getByRole('link', { name: systemName }).click();
  await page.getByTestId('system-detail').waitFor();
  await page.getByTestId('ask-vendor').click();
  await page.getByTestId('vendor-request-form').locator('form').waitFor();
  await page.locator('#request-fiscal-year').selectOption({ label: nextYearLabel });
  await page.getByLabel('回答期限').fill(dueOn);
  await page.getByLabel('MDS/SDS', { exact: false }).check();
  await page.getByLabel('事業者へのメッセージ（任意）').fill('今年度分の回答をお願いします。');
  if (shotName !== null) await shoot(page, shotName);
  await page.getByTestId('send-request').click();
  await page.getByTestId('institution-request-detail').waitFor();
  await page.getByTestId('detail-notice').getByText('事業者に確認依頼を送りました。').waitFor();
  return Number(new URL(page.url()).pathname.split('/').pop());
}

describe('事業者確認用 requests', () => {
  let session;
  const browsers = {};

  before(async () => {
    session = await startSession({ personas: true, expectedError: (message) => /status of (400|404|409)/.test(message.text()) });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    for (const browser of Object.values(browsers)) assert.deepEqual(browser.problems, []);
    await session?.close();
  });

  it('two institutions ask, the vendor answers its product once, shares, overrides one item, and both see their answers', async () => {
    const { baseUrl } = session;
    const hospital = (browsers.hospital = { page: session.page, problems: [] });
    await signIn(hospital, baseUrl, 'hospital@demo.example', 'hospital-demo-pass');
    const hospitalRequest = await ask(hospital.page, '電子カルテ（全病棟・外来）', inDays(30), 'ask-form');
    await hospital.page.getByTestId('waiting').waitFor();
    await hospital.page.getByTestId('request-facts').getByText('未回答').waitFor();
    await shoot(hospital.page, 'institution-sent');

    const clinic = (browsers.clinic = await session.newBrowser());
    await signIn(clinic, baseUrl, 'sakura@demo.example', 'sakura-demo-pass');
    const clinicRequest = await ask(clinic.page, 'レセコン', inDays(14), null);

    // The vendor's dashboard counts both; the list filtered by institution shows the hospital's only.
    const vendor = (browsers.vendor = await session.newBrowser());
    await signIn(vendor, baseUrl, 'vendor@demo.example', 'vendor-demo-pass');
    const v = vendor.page;
    await v.getByTestId('vendor-dashboard').waitFor();
    await v.getByTestId(`due-${clinicRequest}`).getByText('さくら内科クリニック').waitFor();
    await v.getByTestId(`due-${hospitalRequest}`).getByText('デモ総合病院').waitFor();
    await shoot(v, 'vendor-dashboard', { narrow: true });
    await v.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '確認依頼一覧' }).click();
    await v.getByTestId(`request-${clinicRequest}`).waitFor();
    await v.getByLabel('医療機関', { exact: true }).selectOption({ label: 'デモ総合病院' });
    await v.getByTestId('apply-filters').click();
    await v.waitForURL((url) => url.searchParams.has('institution_id'));
    await v.getByTestId(`request-${hospitalRequest}`).waitFor();
    assert.equal(await v.getByTestId(`request-${clinicRequest}`).count(), 0);
    const institutions = await v.getByTestId('requests-table').locator('tbody tr td:nth-child(2)').allTextContents();
    assert.ok(institutions.length > 0 && institutions.every((name) => name.includes('デモ総合病院')), institutions.join());
    await shoot(v, 'vendor-list-filtered', { narrow: true });

    // The product and its answers for this fiscal year, once.
    await v.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '製品と回答' }).click();
    await v.getByTestId('vendor-products').waitFor();
    await v.getByLabel('製品名').fill('デモ医療クラウド');
    await v.getByTestId('create-product').click();
    await v.getByTestId('product-created').waitFor();
    const product = v.getByTestId('product-list').locator('li').filter({ hasText: 'デモ医療クラウド' }).first();
    await product.getByLabel('回答を作る年度').selectOption({ label: nextYearLabel });
    await product.getByRole('button', { name: '回答を作る' }).click();
    const rows = v.locator('[data-testid^="line-editor-"]');
    await rows.first().waitFor();
    const count = await rows.count();
    assert.ok(count >= 10, `the vendor form has its rows (${count})`);
    for (let i = 0; i < count; i += 1) await rows.nth(i).getByRole('button', { name: 'はい' }).click();
    const last = rows.nth(count - 1);
    await last.getByRole('button', { name: 'いいえ' }).click();
    await last.getByLabel('目標日').fill(`${nextYear + 1}-03-31`);
    await last.getByLabel('備考').fill('次の版で対応します。');
    await v.getByTestId('save-answers').click();
    await v.getByTestId('answers-saved').getByText('回答を保存しました（第1版）。').waitFor();
    await shoot(v, 'vendor-answer-editor');

    // Apply to both requests: the confirmation names two institutions.
    await v.getByRole('link', { name: '確認依頼一覧で回答を適用する' }).click();
    await v.getByTestId('requests-table').waitFor();
    await v.getByTestId(`request-${hospitalRequest}`).getByTestId('select-request').check();
    await v.getByTestId(`request-${clinicRequest}`).getByTestId('select-request').check();
    await v.getByLabel('適用する製品の回答').selectOption({ label: 'デモ医療クラウド' });
    assert.equal(await v.getByLabel('回答の年度').inputValue(), String(nextYear));
    await v.getByTestId('apply-answers').click();
    await v.getByTestId('apply-confirm').getByText('医療機関2か所（確認依頼2件）に回答を共有します。', { exact: false }).waitFor();
    await shoot(v, 'vendor-apply-confirm');
    await v.getByTestId('apply-confirm').getByRole('button', { name: '共有する' }).click();
    await v.getByTestId('share-result').waitFor();
    assert.equal(await v.getByTestId('shared-count').textContent(), '共有しました：2件');
    await v.getByTestId(`request-${clinicRequest}`).getByText('回答済').waitFor();
    await shoot(v, 'vendor-share-result');

    // The clinic only: 1-① いいえ; then share with the clinic again.
    await v.getByTestId(`request-${clinicRequest}`).getByRole('link').click();
    await v.getByTestId('vendor-request-detail').waitFor();
    const firstLine = v.getByTestId('effective-answers').locator('tbody tr').first();
    await firstLine.getByTestId('override-row').click();
    const editor = v.getByTestId('override-editor');
    await editor.getByRole('button', { name: 'いいえ' }).click();
    await editor.getByLabel('目標日').fill(`${nextYear + 1}-01-31`);
    await editor.getByLabel('備考').fill('さくら内科クリニックは院内サーバのため別途対応');
    await editor.getByTestId('save-override').click();
    await v.getByTestId('detail-notice').getByText('この医療機関だけの変更を保存しました。', { exact: false }).waitFor();
    await v.getByTestId('effective-answers').locator('[data-marked="true"]').first().getByTestId('line-mark').getByText('この医療機関だけ').waitFor();
    assert.equal(await v.getByTestId('effective-answers').locator('[data-marked="true"]').count(), 1);
    await v.getByTestId('share-one').click();
    await v.getByTestId('share-confirm').getByRole('button', { name: 'この医療機関に共有する' }).click();
    await v.getByTestId('detail-notice').getByText('回答を共有しました（第2版）。').waitFor();
    await shoot(v, 'vendor-detail');

    // The clinic sees version 2 with 1-① changed; the hospital sees version 1 with はい.
    await clinic.open(`/vendor-status/${clinicRequest}`);
    await clinic.page.getByTestId('shared-answers').waitFor();
    const clinicFirst = clinic.page.getByTestId('shared-answers').locator('tbody tr').first();
    assert.match(await clinicFirst.getByTestId('line-value').textContent(), /^いいえ（確認日/);
    await clinicFirst.getByText('さくら内科クリニックは院内サーバのため別途対応').waitFor();
    await clinicFirst.getByTestId('line-mark').getByText('変更').waitFor();
    await clinic.page.getByTestId('changes-summary').getByText('前回の版から1か所が変わりました。').waitFor();
    await shoot(clinic.page, 'institution-detail-changed', { narrow: true });

    await hospital.page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '事業者の回答状況' }).click();
    await hospital.page.getByTestId('status-table').waitFor();
    await hospital.page.getByTestId(`status-${hospitalRequest}`).getByText('回答済').waitFor();
    await shoot(hospital.page, 'institution-list');
    await hospital.page.getByTestId(`status-${hospitalRequest}`).getByRole('link').click();
    await hospital.page.getByTestId('shared-answers').waitFor();
    const hospitalFirst = hospital.page.getByTestId('shared-answers').locator('tbody tr').first();
    assert.match(await hospitalFirst.getByTestId('line-value').textContent(), /^はい（確認日/);
    assert.equal(await hospital.page.getByTestId('shared-answers').getByText('さくら内科クリニックは院内サーバのため別途対応').count(), 0);
    await hospital.page.getByTestId('changes-summary').getByText('最初に共有された回答です。').waitFor();

    // The hospital returns its answers for correction; the vendor corrects the product's answer and shares.
    await hospital.page.getByTestId('return').click();
    await hospital.page.getByLabel('差し戻す理由').fill('2-① の確認日を入れてください。');
    await shoot(hospital.page, 'institution-return');
    await hospital.page.getByTestId('return-confirm').getByRole('button', { name: '差し戻す' }).click();
    await hospital.page.getByTestId('detail-notice').getByText('差し戻しました。').waitFor();
    await hospital.page.getByTestId('request-facts').getByText('差戻し').first().waitFor();

    await v.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '製品と回答' }).click();
    await v.getByTestId('product-list').locator('li').filter({ hasText: 'デモ医療クラウド' }).first().getByRole('link', { name: '回答を開く' }).click();
    await rows.first().waitFor();
    await rows.nth(1).getByLabel('確認日').fill(inDays(-1));
    await v.getByTestId('save-answers').click();
    await v.getByTestId('answers-saved').getByText('回答を保存しました（第2版）。').waitFor();
    await vendor.open(`/vendor/requests/${hospitalRequest}`);
    await v.getByTestId('request-facts').getByText('差戻し').first().waitFor();
    await v.getByTestId('request-facts').getByText('2-① の確認日を入れてください。').waitFor();
    await v.getByTestId('share-one').click();
    await v.getByTestId('share-confirm').getByRole('button', { name: 'この医療機関に共有する' }).click();
    await v.getByTestId('detail-notice').getByText('回答を共有しました（第2版）。').waitFor();

    await hospital.page.reload();
    await hospital.page.getByTestId('shared-answers').waitFor();
    await hospital.page.getByTestId('changes-summary').getByText('前回の版から1か所が変わりました。').waitFor();
    assert.equal(await hospital.page.getByTestId('shared-answers').locator('[data-marked="true"]').count(), 1);
    await hospital.page.getByTestId('shared-answers').locator('[data-marked="true"]').getByText('変更').waitFor();
    await shoot(hospital.page, 'institution-detail-returned-and-changed');

    // The version chooser shows version 1 as it was.
    await hospital.page.getByLabel('表示する版').selectOption('1');
    await hospital.page.getByTestId('changes-summary').getByText('最初に共有された回答です。').waitFor();

    // Print: a PDF for both sides.
    const pdfHref = await hospital.page.getByTestId('print-pdf').getAttribute('href');
    const pdf = await hospital.page.request.get(new URL(pdfHref, baseUrl).href);
    assert.equal(pdf.status(), 200);
    assert.match(pdf.headers()['content-type'] ?? '', /application\/pdf/);
    const body = await pdf.body();
    assert.equal(body.subarray(0, 5).toString('latin1'), '%PDF-');
    const pdfPath = join(screenshotDir, 'vendor-requests-document.pdf');
    writeFileSync(pdfPath, body);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(screenshotDir, 'vendor-requests-document-page1')]);
    const vendorPdf = await v.request.get(new URL(`/api/v1/vendor-requests/${hospitalRequest}/document.pdf`, baseUrl).href);
    assert.equal(vendorPdf.status(), 200);
    assert.match(vendorPdf.headers()['content-type'] ?? '', /application\/pdf/);
    const xlsx = await v.request.get(new URL(`/api/v1/vendor-requests/${hospitalRequest}/document.xlsx`, baseUrl).href);
    assert.equal(xlsx.status(), 200);
    await shoot(v, 'vendor-detail-shared-again');
    await v.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '製品と回答' }).click();
    await v.getByTestId('product-list').waitFor();
    await shoot(v, 'vendor-products');

    // In English once: the request list and one request, Japanese names marked as Japanese.
    await v.getByRole('button', { name: 'English' }).click();
    await v.getByRole('navigation').getByRole('link', { name: 'Requests', exact: true }).click();
    await v.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    await v.getByTestId(`request-${hospitalRequest}`).getByText('Answered').waitFor();
    await shoot(v, 'vendor-list-en');
    await v.getByTestId(`request-${clinicRequest}`).getByRole('link').click();
    await v.getByTestId('effective-answers').waitFor();
    await shoot(v, 'vendor-detail-en');
    await v.getByRole('button', { name: '日本語' }).click();
  });
  it('the vendor declines an overdue request with a reason, the hospital asks again; a stale save asks for a reload', async () => {
    const { baseUrl } = session;
    const v = browsers.vendor.page;
    const hospital = browsers.hospital.page;

    // The demo's overdue request of last fiscal year: declined with a reason the hospital reads.
    await browsers.vendor.open('/vendor/requests?overdue=true');
    await v.getByTestId('requests-table').waitFor();
    await v.getByTestId('requests-table').locator('tbody tr').first().getByRole('link').click();
    await v.getByTestId('vendor-request-detail').waitFor();
    await v.getByTestId('decline').click();
    await v.getByTestId('decline-confirm').getByRole('button', { name: '辞退する' }).click();
    await v.getByText('理由を入力してください。').waitFor();
    await v.getByLabel('辞退の理由').fill('この年度は保守契約の対象外のため');
    await shoot(v, 'vendor-decline');
    await v.getByTestId('decline-confirm').getByRole('button', { name: '辞退する' }).click();
    await v.getByTestId('detail-notice').getByText('辞退しました。').waitFor();
    const declined = Number(new URL(v.url()).pathname.split('/').pop());

    await hospital.goto(new URL(`/vendor-status/${declined}`, baseUrl).href);
    await hospital.getByTestId('request-facts').getByText('この年度は保守契約の対象外のため').waitFor();
    await hospital.getByTestId('request-facts').getByText('辞退').first().waitFor();
    await shoot(hospital, 'institution-declined');
    await hospital.getByTestId('ask-again').click();
    await hospital.getByTestId('detail-notice').getByText('もう一度依頼しました。').waitFor();
    await hospital.getByTestId('request-facts').getByText('未回答').waitFor();

    // Two people of the vendor edit the same answers: the later save is refused and offers a reload.
    const other = (browsers.vendorAgain = await session.newBrowser());
    await signIn(other, baseUrl, 'vendor@demo.example', 'vendor-demo-pass');
    await browsers.vendor.open('/vendor/products');
    await v.getByTestId('product-list').locator('li').filter({ hasText: 'デモカルテ Enterprise' }).first().getByRole('link', { name: '回答を開く' }).click();
    await v.getByTestId('answer-editor').locator('[data-testid^="line-editor-"]').first().waitFor();
    const editorUrl = v.url();
    await other.open(new URL(editorUrl).pathname + new URL(editorUrl).search);
    const otherFirst = other.page.locator('[data-testid^="line-editor-"]').first();
    await otherFirst.getByLabel('備考').fill('保守窓口で確認済み');
    await other.page.getByTestId('save-answers').click();
    await other.page.getByTestId('answers-saved').waitFor();
    await v.locator('[data-testid^="line-editor-"]').first().getByLabel('備考').fill('別の担当者の入力');
    await v.getByTestId('save-answers').click();
    await v.getByTestId('answers-stale').getByText('ほかの人が先にこの回答を保存しました。', { exact: false }).waitFor();
    await shoot(v, 'vendor-answers-stale');
    await v.getByTestId('reload').click();
    await v.getByTestId('answers-stale').waitFor({ state: 'detached' });
    await v.locator('[data-testid^="line-editor-"]').first().waitFor();
    assert.equal(await v.locator('[data-testid^="line-editor-"]').first().getByLabel('備考').inputValue(), '保守窓口で確認済み');
  });
});
