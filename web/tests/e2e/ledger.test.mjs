// The device ledger (機器台帳, issue 17) against `mamori serve --demo`: さくら内科クリニック's director opens it
// from the navigation, filters and moves through the rows with the keyboard, adds a PC (a broken MAC address is
// shown by its field), changes it, sees the history, records it as retired with a reason and exports the
// ledger as CSV, .xlsx and PDF; デモ総合病院's ledger with its FortiGate at the 外部接続点; the English page once.
// Screenshots at 1280 and 390 px: build/screenshots/ledger-*.png.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginInPage, screenshotDir, startSession } from './support.mjs';

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `ledger-${name}-1280.png`), fullPage: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(screenshotDir, `ledger-${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

async function downloaded(page, testId) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

describe('the device ledger', () => {
  let session;

  before(async () => {
    session = await startSession({ personas: true, expectedError: (message) => /status of 400/.test(message.text()) });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
  });

  it('the clinic adds a PC, changes it, sees its history, retires it and exports the ledger', async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(page, baseUrl, 'sakura@demo.example', 'sakura-demo-pass');
    await page.waitForURL((url) => url.pathname === '/');

    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '機器台帳' }).click();
    await page.getByTestId('ledger-table').waitFor();
    assert.equal(await page.getByTestId('ledger-table').locator('tbody tr').count(), 6);
    await page.getByTestId('ledger-count').getByText('6台中 1〜6台目').waitFor();
    await shoot(page, 'list');

    // Keyboard: the first row takes the focus, the arrow keys move, Enter opens.
    const rows = page.getByTestId('ledger-table').locator('tbody tr');
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const third = await rows.nth(2).getAttribute('data-testid');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), third);
    await shoot(page, 'keyboard');
    await page.keyboard.press('Enter');
    await page.getByTestId('asset-page').waitFor();
    await page.goBack();
    await page.getByTestId('ledger-table').waitFor();

    // A filter: the external connection point (the maintenance VPN).
    await page.getByLabel('区分').selectOption({ label: '外部接続点' });
    await page.getByTestId('apply-filters').click();
    await page.getByTestId('ledger-count').getByText('1台中 1〜1台目').waitFor();
    await page.getByTestId('ledger-table').getByText('保守用VPN装置').waitFor();
    await page.getByRole('button', { name: '条件を消す' }).click();
    await page.getByTestId('ledger-count').getByText('6台中 1〜6台目').waitFor();

    // A new PC; a broken MAC address is named by its field.
    await page.getByTestId('add-asset').click();
    await page.getByTestId('asset-form').waitFor();
    await page.getByLabel('区分').selectOption({ label: '端末PC' });
    await page.getByLabel('名称').fill('診察室2 PC');
    await page.getByLabel('設置場所').fill('診察室2');
    await page.getByLabel('部署', { exact: true }).fill('診療');
    await page.getByLabel('関連するシステム', { exact: true }).selectOption({ label: 'クラウド型電子カルテ' });
    await page.getByLabel('メーカー').fill('Dell');
    await page.getByLabel('型番').fill('OptiPlex 3000');
    await page.getByLabel('OS', { exact: true }).fill('Windows 10');
    await page.getByLabel('CPE名').fill('cpe:2.3:o:microsoft:windows_10:1809:*:*:*:*:*:*:*');
    await page.getByLabel('IPアドレス').fill('192.168.1.23');
    await page.getByLabel('MACアドレス').fill('00-1A-2B-3C-4D-5G');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('form-problem').waitFor();
    await page.getByText('MACアドレスの書き方を確認してください').first().waitFor();
    await shoot(page, 'form-error');
    await page.getByLabel('MACアドレス').fill('00-1A-2B-3C-4D-5E');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('asset-page').waitFor();
    await page.getByTestId('saved-notice').getByText('機器を追加しました。').waitFor();
    await page.getByTestId('asset-facts').getByText('00:1a:2b:3c:4d:5e').waitFor();
    await page.getByTestId('asset-facts').getByText('クラウド型電子カルテ').waitFor();
    assert.equal(await page.getByTestId('asset-history').locator('tbody tr').count(), 1);

    // A change: a new version; the history says who changed which fields.
    await page.getByTestId('edit-asset').click();
    await page.getByTestId('asset-form').waitFor();
    await page.getByLabel('OSのバージョン').fill('22H2');
    await page.getByLabel('インターネットに直接つながる').check();
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('saved-notice').getByText('変更を保存しました。').waitFor();
    const history = page.getByTestId('asset-history');
    assert.equal(await history.locator('tbody tr').count(), 2);
    await history.getByTestId('version-2').getByText('OSのバージョン、インターネットに直接つながる').waitFor();
    await history.getByTestId('version-2').getByText('山田 花子（院長）').waitFor();
    await shoot(page, 'asset');

    // Retired with a reason (a reason is required).
    await page.getByTestId('retire-asset').click();
    await page.getByTestId('confirm-status').click();
    await page.getByText('理由を入力してください。').waitFor();
    await page.getByLabel('理由').fill('故障のため廃棄（データ消去済み）');
    await shoot(page, 'retire');
    await page.getByTestId('confirm-status').click();
    await page.getByTestId('retired-notice').waitFor();
    await history.getByTestId('version-3').getByText('故障のため廃棄（データ消去済み）').waitFor();
    assert.equal(await page.getByTestId('edit-asset').count(), 0);

    // The exports.
    await page.getByRole('link', { name: '機器台帳に戻る' }).click();
    await page.getByTestId('ledger-table').waitFor();
    const csv = await downloaded(page, 'export-csv');
    assert.match(csv.name, /\.csv$/);
    const text = csv.bytes.toString('utf8');
    assert.ok(text.startsWith('\uFEFF名称,区分,設置場所'), text.slice(0, 40));
    assert.ok(text.includes('レセコンサーバ,サーバ,'));
    assert.ok(!text.includes('診察室2 PC'), 'the retired PC is not in the in-use list');
    const xlsx = await downloaded(page, 'export-xlsx');
    assert.equal(xlsx.bytes.subarray(0, 2).toString(), 'PK');
    const pdf = await downloaded(page, 'export-pdf');
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
  });

  it("the hospital's ledger shows its FortiGate at the external connection point, also in English", async () => {
    const other = await session.newBrowser();
    const { page } = other;
    await page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(page, session.baseUrl, 'hospital@demo.example', 'hospital-demo-pass');
    await page.waitForURL((url) => url.pathname === '/');
    await other.open('/ledger');
    await page.getByTestId('ledger-table').waitFor();
    await page.getByTestId('ledger-table').getByText('VPN装置（FortiGate）').waitFor();
    await page.getByTestId('ledger-summary').waitFor();
    const summary = (await page.getByTestId('ledger-summary').textContent()) ?? '';
    assert.ok(summary.includes('インターネットに直接つながる2台'), summary);
    assert.ok(summary.includes('12か月以上確認されていない1台'), summary);
    await shoot(page, 'hospital');
    await page.getByTestId('ledger-table').getByRole('link', { name: 'VPN装置（FortiGate）' }).click();
    await page.getByTestId('asset-cpes').getByText('cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*').waitFor();
    await page.getByTestId('asset-facts').getByText('外部接続点').waitFor();
    await shoot(page, 'hospital-asset');
    // A server with a long software list: collapsed until asked for.
    await page.getByRole('link', { name: '機器台帳に戻る' }).click();
    await page.getByTestId('ledger-table').getByRole('link', { name: '電子カルテDBサーバ' }).click();
    const software = page.getByTestId('software-collapsed');
    await software.waitFor();
    assert.equal(await page.getByTestId('asset-software').isVisible(), false);
    await software.getByText('ソフトウェア12件を表示').click();
    await page.getByTestId('asset-software').getByText('15.0.4345.5').waitFor();
    await shoot(page, 'hospital-software');
    await page.getByTestId('ledger-table').waitFor({ state: 'detached' });
    await page.goBack();
    await page.getByTestId('ledger-table').waitFor();
    await page.getByTestId('ledger-table').getByRole('link', { name: 'VPN装置（FortiGate）' }).click();
    await page.getByTestId('asset-software').getByText('10443/tcp').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('asset-facts').getByText('External connection point').waitFor();
    await shoot(page, 'hospital-asset-en');
  });

  it('the hospital adds a CPE name to its printer from the dictionary\'s suggestions', async () => {
    const other = await session.newBrowser();
    const { page } = other;
    await page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(page, session.baseUrl, 'hospital@demo.example', 'hospital-demo-pass');
    await page.waitForURL((url) => url.pathname === '/');
    await other.open('/ledger');
    await page.getByTestId('ledger-table').getByRole('link', { name: '複合機（放射線科）' }).click();
    const first = page.getByTestId('cpe-suggestion').first();
    await first.waitFor();
    assert.ok(((await first.textContent()) ?? '').includes('cpe:2.3:a:canon:imagerunner_c3220:-:*:*:*:*:*:*:*'));
    await shoot(page, 'hospital-cpe-suggestions');
    await first.getByRole('button').click();
    await page.getByTestId('asset-cpes').getByText('cpe:2.3:a:canon:imagerunner_c3220:-:*:*:*:*:*:*:*').waitFor();
    await shoot(page, 'hospital-cpe-added');
  });

  it("the health centre's inspector reads さくら's ledger from the jurisdiction's list, without changing it", async () => {
    const other = await session.newBrowser();
    const { page } = other;
    await page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(page, session.baseUrl, 'hokenjo@demo.example', 'hokenjo-demo-pass');
    await page.waitForURL((url) => url.pathname !== '/login');
    await other.open('/inspections');
    const row = page.locator('[data-testid^="jurisdiction-row-"]', { hasText: 'さくら内科クリニック' });
    await row.getByTestId('ledger-link').click();
    await page.getByTestId('ledger-table').waitFor();
    await page.getByRole('heading', { name: 'さくら内科クリニックの機器台帳' }).waitFor();
    await page.getByTestId('read-only').waitFor();
    assert.equal(await page.getByTestId('add-asset').count(), 0);
    await shoot(page, 'inspector');
    await page.getByTestId('ledger-table').getByRole('link', { name: 'レセコンサーバ' }).click();
    await page.getByTestId('asset-facts').waitFor();
    assert.equal(await page.getByTestId('edit-asset').count(), 0);
    assert.equal(await page.getByTestId('retire-asset').count(), 0);
    await page.getByRole('link', { name: '機器台帳に戻る' }).click();
    await page.getByRole('heading', { name: 'さくら内科クリニックの機器台帳' }).waitFor();
  });
});
