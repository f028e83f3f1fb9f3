// MDS/SDS (開示書, issue 16 item 4) against `mamori serve --demo`: the demo vendor opens 「MDS/SDS（開示書）」
// from the navigation, sees デモカルテ Enterprise's current MDS, is told what is missing when it sends an empty
// form, and registers an MDS Ver.5.0 for デモレセプト Lite; さくら内科クリニック then sees 提出済み for its レセコン
// from the systems register and downloads the file; デモ総合病院 sees its EHR's MDS and 事業者未登録 for the
// rest. Screenshots at 1280 and 390 px: build/screenshots/vendor-disclosures-*.png.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginInPage, screenshotDir, startSession } from './support.mjs';

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `vendor-disclosures-${name}-1280.png`), fullPage: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(screenshotDir, `vendor-disclosures-${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('MDS/SDS disclosures', () => {
  let session;

  before(async () => {
    // Signing in again after clearing the cookies: the page's session check answers 401 first.
    session = await startSession({ personas: true, expectedError: (message) => /status of 401/.test(message.text()) });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
  });

  it('the vendor registers an MDS and the clinic sees it submitted and downloads it', async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(page, baseUrl, 'vendor@demo.example', 'vendor-demo-pass');
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'MDS/SDS（開示書）' }).click();
    await page.getByTestId('vendor-disclosures-page').waitFor();
    const ehr = page.getByRole('region', { name: 'デモカルテ Enterprise' });
    await ehr.getByTestId('current-mds').getByText('Ver.5.0（', { exact: false }).waitFor();
    await ehr.getByTestId('current-mds').getByText('有効').waitFor();
    const receipt = page.getByRole('region', { name: 'デモレセプト Lite' });
    await receipt.getByTestId('current-mds').getByText('未登録').waitFor();
    await shoot(page, 'vendor');

    // An empty form: what is missing, by the fields.
    await receipt.getByText('開示書を登録する').click();
    await receipt.getByRole('button', { name: '登録する' }).click();
    await receipt.getByTestId('form-problem').waitFor();
    await receipt.getByText('版を40文字以内で入力してください（例：Ver.5.0）。').first().waitFor();
    await shoot(page, 'vendor-form-error');

    await receipt.getByLabel('種類').selectOption('mds');
    await receipt.getByLabel('版（表紙に書かれているとおり）').fill('Ver.5.0');
    await receipt.getByLabel('発行日').fill('2025-04-01');
    await receipt.getByLabel('ファイル').setInputFiles({ name: 'MDS_デモレセプトLite.pdf', mimeType: 'application/pdf', buffer: pdf });
    await receipt.getByRole('button', { name: '登録する' }).click();
    await page.getByTestId('notice').getByText('開示書を登録しました。').waitFor();
    const receiptAfter = page.getByRole('region', { name: 'デモレセプト Lite' });
    await receiptAfter.getByTestId('current-mds').getByText('有効').waitFor();
    assert.equal(await receiptAfter.locator('tbody tr').count(), 1);
    await shoot(page, 'vendor-uploaded');

    // The clinic: from its systems register to the status page; its レセコン now has the MDS.
    await page.context().clearCookies();
    await loginInPage(page, baseUrl, 'sakura@demo.example', 'sakura-demo-pass');
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'システム台帳' }).click();
    await page.getByTestId('disclosures-link').click();
    await page.getByTestId('disclosures-table').waitFor();
    const row = page.getByTestId('disclosures-table').locator('tr', { hasText: 'レセコン' }).first();
    await row.getByText('提出済み').waitFor();
    await row.getByText('MDS Ver.5.0（2025年4月1日発行）').waitFor();
    const other = page.getByTestId('disclosures-table').locator('tr', { hasText: 'クラウド型電子カルテ' });
    await other.getByText('事業者未登録').waitFor();
    await shoot(page, 'clinic');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /ダウンロード/ }).click()]);
    assert.equal(download.suggestedFilename(), 'MDS_デモレセプトLite.pdf');
    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  });

  it('the hospital sees its EHR submitted and the systems without a linked vendor as such', async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.context().clearCookies();
    await loginInPage(page, baseUrl, 'hospital@demo.example', 'hospital-demo-pass');
    await page.goto(new URL('/systems/disclosures', baseUrl).href);
    await page.getByTestId('disclosures-table').waitFor();
    const ehr = page.getByTestId('disclosures-table').locator('tr', { hasText: '電子カルテ（全病棟・外来）' });
    await ehr.getByText('提出済み').waitFor();
    await ehr.getByText('デモカルテ Enterprise').waitFor();
    assert.ok((await page.getByTestId('disclosures-table').getByText('事業者未登録').count()) >= 3);
    await shoot(page, 'hospital');
  });

  it('the vendor withdraws a wrong upload with a reason, kept in the history', async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.context().clearCookies();
    await loginInPage(page, baseUrl, 'vendor@demo.example', 'vendor-demo-pass');
    await page.goto(new URL('/vendor/disclosures', baseUrl).href);
    const receipt = page.getByRole('region', { name: 'デモレセプト Lite' });
    await receipt.getByRole('button', { name: 'MDS Ver.5.0（2025年4月1日発行）を取り下げる' }).click();
    const confirm = receipt.getByRole('group', { name: '取り下げる' });
    await confirm.getByRole('button', { name: '取り下げる' }).click();
    await confirm.getByText('取り下げる理由を書いてください。').waitFor();
    await confirm.getByLabel('取り下げる理由').fill('別製品の開示書を登録した');
    await shoot(page, 'vendor-withdraw');
    await confirm.getByRole('button', { name: '取り下げる' }).click();
    await page.getByTestId('notice').getByText('開示書を取り下げました。').waitFor();
    const after = page.getByRole('region', { name: 'デモレセプト Lite' });
    await after.getByTestId('current-mds').getByText('未登録').waitFor();
    await after.getByText('取り下げ済み').waitFor();
    await after.getByText('理由：別製品の開示書を登録した').waitFor();
    await shoot(page, 'vendor-withdrawn');
  });
});
