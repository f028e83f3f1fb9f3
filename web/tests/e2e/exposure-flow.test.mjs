// The device ledger and exposure end to end (issue 17) against `mamori serve --demo`: デモ総合病院's security
// manager imports a real nmap scan and a real GLPI inventory from the ledger page (a preview before each,
// then confirmed), finds a KEV device at the top of the fix-first list and, among the findings, the scanned
// Windows 7 SP1 host's CVE-2019-0708 (BlueKeep, in KEV, used by ransomware), marks it 対応中, and sees the
// state on the device's page in the ledger. Screenshots: build/screenshots/exposure-flow-*.png.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginInPage, screenshotDir, startSession } from './support.mjs';

const sharedData = process.env.MAMORI_SHARED_DATA ?? resolve(import.meta.dirname, '../../../../shared/data');
const nmapFile = join(sharedData, 'nmap/python-libnmap_full_sudo6.xml');
const glpiFile = join(sharedData, 'inventory/glpi/examples_computer_1.json');

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `exposure-flow-${name}-1280.png`), fullPage: true });
}

async function importFile(page, file) {
  await page.getByLabel('1. ファイルの種類').selectOption('auto');
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-preview').click();
  await page.getByTestId('import-plan').waitFor();
  assert.match(await page.getByTestId('import-counts').innerText(), /新規 [1-9]\d* 件/);
}

describe('ledger to findings', { skip: existsSync(sharedData) ? false : `real data not found at ${sharedData}: skipped` }, () => {
  let session;

  before(async () => {
    session = await startSession({ personas: true });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
  });

  it('a hospital imports a scan and an inventory, then deals with the KEV finding on the scanned host', async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(page, baseUrl, 'hospital@demo.example', 'hospital-demo-pass');
    await page.waitForURL((url) => url.pathname === '/');

    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '機器台帳' }).click();
    await page.getByTestId('ledger-page').waitFor();
    await page.getByTestId('import-assets').click();
    await page.getByTestId('ledger-import-page').waitFor();

    await importFile(page, nmapFile);
    await page.getByTestId('import-plan').getByText('192.168.1.5').first().waitFor();
    await shoot(page, 'nmap-preview');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-confirmed').waitFor();

    await importFile(page, glpiFile);
    await shoot(page, 'glpi-preview');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-confirmed').waitFor();

    // The fix-first list: a KEV device first; the scanned Windows 7 SP1 host carries BlueKeep.
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '脆弱性対応' }).click();
    const table = page.getByTestId('findings-table');
    await table.waitFor();
    await table.locator('tbody tr').first().getByTestId('badge-kev').waitFor();
    const bluekeep = table.locator('tbody tr', { hasText: 'CVE-2019-0708' }).filter({ hasText: '192.168.1.5' });
    await bluekeep.getByTestId('badge-kev').waitFor();
    await bluekeep.getByTestId('badge-ransomware').waitFor();
    assert.equal(await bluekeep.getByTestId('state').innerText(), '未対応');
    await shoot(page, 'findings');

    await bluekeep.getByRole('link').click();
    await page.getByTestId('finding-page').waitFor();
    await page.getByLabel('新しい状態').selectOption({ label: '対応中' });
    await page.getByLabel('理由・メモ').fill('スキャンで見つかった端末。リモートデスクトップを止め、更新プログラムを適用する。');
    await page.getByTestId('triage-save').click();
    await page.getByTestId('triage-saved').waitFor();
    await page.getByTestId('finding-history').getByText('未対応 → 対応中').waitFor();
    await shoot(page, 'finding-in-progress');

    // The device's page in the ledger shows the finding in its new state.
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '機器台帳' }).click();
    await page.getByTestId('ledger-page').waitFor();
    await page.getByRole('link', { name: '192.168.1.5', exact: true }).click();
    await page.getByTestId('asset-page').waitFor();
    const onAsset = page.getByTestId('asset-findings').locator('tbody tr', { hasText: 'CVE-2019-0708' });
    assert.equal(await onAsset.getByTestId('state').innerText(), '対応中');
    await shoot(page, 'asset');
  });
});
