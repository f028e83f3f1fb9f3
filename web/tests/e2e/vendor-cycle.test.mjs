// The vendor side end to end (issue 16), as the issue tells it, against `mamori serve --demo`: さくら内科クリニック
// registers its new EHR and invites the EHR's vendor, which is not in mamori yet; the vendor joins with the
// code and sets up its second factor; デモ総合病院 invites the same vendor for its PACS and the vendor's
// administrator enters that code; both institutions ask for the vendor form; the vendor answers its product
// once, applies the answers to both requests, changes one item for the clinic only and shares again; each
// institution sees its answers, and the printed PDFs (rendered with pdftoppm) carry them. Screenshots:
// build/screenshots/vendor-cycle-*.png. The pieces are tested in detail by vendor-join, vendor-requests and
// systems-register; this test is the one round through all of them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginInPage, screenshotDir, startSession, totpCode } from './support.mjs';

const shoot = (page, name) => page.screenshot({ path: join(screenshotDir, `vendor-cycle-${name}.png`), fullPage: true });

function inDays(days) {
  return new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

// Next fiscal year (the demo has this year's requests): its number and its label as the pages write it.
function nextFiscalYear() {
  const jst = new Date(Date.now() + 9 * 3600_000);
  return (jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1) + 1;
}
const nextYear = nextFiscalYear();
const nextYearLabel = `令和${nextYear - 2018}年度`;

const menu = (page, name) => page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name }).click();

// An institution invites a vendor by name from 取引先事業者, for one system; returns the code shown once.
async function invite(page, vendorName, systemName) {
  await menu(page, '取引先事業者');
  await page.locator('#vendor_name').fill(vendorName);
  await page.getByLabel(systemName).check();
  await page.getByRole('button', { name: '招待コードを作る' }).click();
  return (await page.getByTestId('invitation-code').textContent()).trim();
}

// An institution asks the vendor of one system for the vendor form of next year; returns the request's id.
async function ask(page, systemName) {
  await menu(page, 'システム台帳');
  await page.getByTestId('systems-table').getByRole('link', { name: systemName }).click();
  await page.getByTestId('ask-vendor').click();
  await page.locator('#request-fiscal-year').selectOption({ label: nextYearLabel });
  await page.getByLabel('回答期限').fill(inDays(30));
  await page.getByTestId('send-request').click();
  await page.getByTestId('detail-notice').getByText('事業者に確認依頼を送りました。').waitFor();
  return Number(new URL(page.url()).pathname.split('/').pop());
}

// The PDF of a request as the signed-in page fetches it, its first page rendered for looking at.
async function printed(page, baseUrl, request, name) {
  const pdf = await page.request.get(new URL(`/api/v1/vendor-requests/${request}/document.pdf`, baseUrl).href);
  assert.equal(pdf.status(), 200);
  const path = join(screenshotDir, `vendor-cycle-${name}.pdf`);
  writeFileSync(path, await pdf.body());
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', path, join(screenshotDir, `vendor-cycle-${name}-page1`)]);
  return execFileSync('pdftotext', ['-layout', path, '-']).toString();
}

describe('the vendor side, one round', () => {
  let session;
  const browsers = [];

  before(async () => {
    session = await startSession({ personas: true });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    for (const browser of browsers) assert.deepEqual(browser.problems, []);
    await session?.close();
  });

  it('a clinic invites its EHR vendor, which joins, answers once for two institutions and overrides one item', async () => {
    const { page: clinic, baseUrl } = session;
    await clinic.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(clinic, baseUrl, 'sakura@demo.example', 'sakura-demo-pass');
    await clinic.waitForURL((url) => url.pathname === '/');

    // The clinic registers its new EHR, with the vendor's name only (the vendor is not in mamori).
    await menu(clinic, 'システム台帳');
    await clinic.getByTestId('add-system').click();
    await clinic.getByLabel('種類').selectOption({ label: '電子カルテ' });
    await clinic.getByLabel('名称').fill('電子カルテ（診察室）');
    await clinic.getByLabel('製品名').fill('つばさカルテ');
    await clinic.getByLabel('版（バージョン）').fill('5.0');
    await clinic.locator('#vendor_name').fill('つばさメディカル株式会社');
    await clinic.getByLabel('保守契約').check();
    await clinic.getByRole('button', { name: '保存する' }).click();
    await clinic.getByTestId('saved').getByText('システムを台帳に追加しました。').waitFor();

    // The invitation, and the vendor joining with its code in its own browser.
    const clinicCode = await invite(clinic, 'つばさメディカル株式会社', '電子カルテ（診察室）');
    await shoot(clinic, 'clinic-code');
    const vendor = await session.newBrowser();
    browsers.push(vendor);
    const v = vendor.page;
    await v.setViewportSize({ width: 1280, height: 800 });
    await vendor.open('/vendors/join');
    await v.locator('#code').fill(clinicCode);
    await v.locator('#vendor_name').fill('つばさメディカル株式会社');
    await v.locator('[id="administrator.login"]').fill('admin@tsubasa-medical.example');
    await v.locator('[id="administrator.display_name"]').fill('翼 一郎');
    await v.locator('[id="administrator.password"]').fill('tsubasa medical admin 2026');
    await v.getByRole('button', { name: '参加する' }).click();
    await v.getByTestId('vendor-joined').waitFor();
    await v.getByTestId('joined-sign-in').click();
    await v.getByLabel('ログイン名（メールアドレス）').fill('admin@tsubasa-medical.example');
    await v.getByRole('textbox', { name: 'パスワード', exact: true }).fill('tsubasa medical admin 2026');
    await v.getByRole('button', { name: 'ログインする' }).click();

    // The second factor is set up before anything else (the code computed here from the key on the page).
    await v.waitForURL((url) => url.pathname === '/account/mfa');
    const secret = ((await v.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    await v.getByLabel('確認コード（6 桁の数字）').fill(totpCode(secret));
    await v.getByRole('button', { name: '確認する' }).click();
    await v.getByTestId('recovery-screen').waitFor();
    await v.getByLabel('リカバリーコードを印刷するか書き写して、保管しました').check();
    await v.getByTestId('continue').click();
    await v.waitForURL((url) => url.pathname !== '/account/mfa');
    await vendor.open('/vendor');
    await v.getByTestId('vendor-dashboard').waitFor();
    await shoot(v, 'vendor-dashboard-new');

    // デモ総合病院 invites the same vendor for its 部門 system; the vendor's administrator enters the code.
    const hospitalBrowser = await session.newBrowser();
    browsers.push(hospitalBrowser);
    const hospital = hospitalBrowser.page;
    await hospital.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(hospital, baseUrl, 'hospital@demo.example', 'hospital-demo-pass');
    await hospital.waitForURL((url) => url.pathname === '/');
    const hospitalCode = await invite(hospital, 'つばさメディカル株式会社', '医事会計システム（レセコン）');
    await menu(v, '顧客医療機関');
    await v.locator('#code').fill(hospitalCode);
    await v.getByRole('button', { name: 'つながる' }).click();
    await v.getByTestId('redeemed').getByText('デモ総合病院とつながりました。').waitFor();
    await v.getByTestId('customers').getByText('さくら内科クリニック').waitFor();
    await v.getByTestId('customers').getByText('医事会計システム（レセコン）').waitFor();
    assert.equal(await v.getByTestId('customers').getByText('電子カルテ（全病棟・外来）').count(), 0, 'a system another vendor runs');
    await shoot(v, 'vendor-customers');

    // Both institutions ask for the vendor form of next fiscal year.
    const clinicRequest = await ask(clinic, '電子カルテ（診察室）');
    const hospitalRequest = await ask(hospital, '医事会計システム（レセコン）');

    // The vendor answers its product once and applies the answers to both requests.
    await menu(v, '製品と回答');
    await v.getByLabel('製品名').fill('つばさカルテ');
    await v.getByTestId('create-product').click();
    await v.getByTestId('product-created').waitFor();
    const product = v.getByTestId('product-list').locator('li').filter({ hasText: 'つばさカルテ' }).first();
    await product.getByLabel('回答を作る年度').selectOption({ label: nextYearLabel });
    await product.getByRole('button', { name: '回答を作る' }).click();
    const rows = v.locator('[data-testid^="line-editor-"]');
    await rows.first().waitFor();
    const count = await rows.count();
    for (let i = 0; i < count; i += 1) await rows.nth(i).getByRole('button', { name: 'はい' }).click();
    await v.getByTestId('save-answers').click();
    await v.getByTestId('answers-saved').getByText('回答を保存しました（第1版）。').waitFor();
    await v.getByRole('link', { name: '確認依頼一覧で回答を適用する' }).click();
    await v.getByTestId(`request-${clinicRequest}`).getByTestId('select-request').check();
    await v.getByTestId(`request-${hospitalRequest}`).getByTestId('select-request').check();
    await v.getByLabel('適用する製品の回答').selectOption({ label: 'つばさカルテ' });
    await v.getByTestId('apply-answers').click();
    await v.getByTestId('apply-confirm').getByText('医療機関2か所（確認依頼2件）に回答を共有します。', { exact: false }).waitFor();
    await v.getByTestId('apply-confirm').getByRole('button', { name: '共有する' }).click();
    assert.equal(await v.getByTestId('shared-count').textContent(), '共有しました：2件');
    await shoot(v, 'vendor-shared');

    // One item differs for the clinic (its contract): changed there only, and shared with the clinic again.
    await v.getByTestId(`request-${clinicRequest}`).getByRole('link').click();
    const firstLine = v.getByTestId('effective-answers').locator('tbody tr').first();
    await firstLine.getByTestId('override-row').click();
    const editor = v.getByTestId('override-editor');
    await editor.getByRole('button', { name: 'いいえ' }).click();
    await editor.getByLabel('目標日').fill(`${nextYear + 1}-01-31`);
    await editor.getByLabel('備考').fill('さくら内科クリニックとの契約では院内で対応');
    await editor.getByTestId('save-override').click();
    await v.getByTestId('detail-notice').getByText('この医療機関だけの変更を保存しました。', { exact: false }).waitFor();
    await v.getByTestId('share-one').click();
    await v.getByTestId('share-confirm').getByRole('button', { name: 'この医療機関に共有する' }).click();
    await v.getByTestId('detail-notice').getByText('回答を共有しました（第2版）。').waitFor();

    // Each institution sees its own answers: the change at the clinic only.
    await session.open(`/vendor-status/${clinicRequest}`);
    const clinicFirst = clinic.getByTestId('shared-answers').locator('tbody tr').first();
    assert.match(await clinicFirst.getByTestId('line-value').textContent(), /^いいえ/);
    await clinicFirst.getByText('さくら内科クリニックとの契約では院内で対応').waitFor();
    await shoot(clinic, 'clinic-answers');
    await hospitalBrowser.open(`/vendor-status/${hospitalRequest}`);
    const hospitalFirst = hospital.getByTestId('shared-answers').locator('tbody tr').first();
    assert.match(await hospitalFirst.getByTestId('line-value').textContent(), /^はい/);
    assert.equal(await hospital.getByText('さくら内科クリニックとの契約では院内で対応').count(), 0);
    await shoot(hospital, 'hospital-answers');

    // The printed vendor forms carry each institution's answers (pages rendered and looked at).
    const clinicPdf = await printed(clinic, baseUrl, clinicRequest, 'clinic');
    assert.ok(clinicPdf.includes('つばさメディカル株式会社') && clinicPdf.includes('さくら内科クリニック'), clinicPdf.slice(0, 400));
    assert.ok(clinicPdf.includes('院内で対応'), 'the clinic override is printed (its note wraps in the cell)');
    const hospitalPdf = await printed(hospital, baseUrl, hospitalRequest, 'hospital');
    assert.ok(hospitalPdf.includes('デモ総合病院') && !hospitalPdf.includes('院内で対応'), hospitalPdf.slice(0, 400));
  });
});
