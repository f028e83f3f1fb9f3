// Imports into the device ledger (issue 17) against `mamori serve --demo`: デモ総合病院's security manager
// opens the import wizard, uploads a real nmap scan and a real GLPI inventory from ../shared/data (or
// $MAMORI_SHARED_DATA), sees each preview (新規 / エラー with the place in the file), confirms, sees the
// history; a broken file is refused with a Japanese sentence; the same scan again is all 変更なし; one import
// from the history in English.
// Screenshots at 1280 and 390 px: build/screenshots/ledger-import-*.png.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginInPage, screenshotDir, startSession } from './support.mjs';

const sharedData = process.env.MAMORI_SHARED_DATA ?? resolve(import.meta.dirname, '../../../../shared/data');
const nmapFile = join(sharedData, 'nmap/python-libnmap_full_sudo6.xml');
const glpiFile = join(sharedData, 'inventory/glpi/examples_networkequipment_2.json');

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `ledger-import-${name}-1280.png`), fullPage: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(screenshotDir, `ledger-import-${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

async function preview(page, format, file) {
  await page.getByLabel('1. ファイルの種類').selectOption(format);
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-preview').click();
}

describe('ledger imports', { skip: existsSync(sharedData) ? false : `real data not found at ${sharedData}: skipped` }, () => {
  let session;

  before(async () => {
    session = await startSession({ personas: true, expectedError: (message) => /status of 400/.test(message.text()) });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
  });

  it('the hospital imports an nmap scan and a GLPI inventory, with a preview before each', async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(page, baseUrl, 'hospital@demo.example', 'hospital-demo-pass');
    await page.waitForURL((url) => url.pathname !== '/login');
    await session.open('/ledger/import');
    await page.getByTestId('ledger-import-page').waitFor();
    await page.getByText('まだ取込はありません。').waitFor();
    await shoot(page, 'start');

    // A broken file: refused with a sentence in Japanese, nothing stored.
    const scratch = mkdtempSync(join(tmpdir(), 'ledger-import-'));
    const broken = join(scratch, 'broken.xml');
    writeFileSync(broken, '<?xml version="1.0"?>\n<nmaprun>\n<host>\n<status state="up"/>\n');
    await preview(page, 'nmap', broken);
    const problem = page.getByTestId('import-problem');
    await problem.waitFor();
    assert.match(await problem.innerText(), /ファイルを読めませんでした/);
    await shoot(page, 'broken');

    // The nmap scan: every host up is new; the Windows 7 host's OS guess and its certainty are shown.
    await preview(page, 'auto', nmapFile);
    await page.getByTestId('import-plan').waitFor();
    const counts = await page.getByTestId('import-counts').innerText();
    assert.match(counts, /新規 \d+ 件、更新 0 件/);
    const rows = page.getByTestId('import-plan').locator('tbody tr');
    assert.ok((await rows.count()) >= 3);
    assert.equal(await page.getByTestId('import-plan').locator('tbody tr[data-action="create"]').count(), await rows.count());
    await page.getByTestId('import-plan').getByText('OS推定の確度 100%').first().waitFor();
    await page.getByTestId('import-plan').getByText(/python-libnmap_full_sudo6\.xml \d+行目/).first().waitFor();
    await shoot(page, 'nmap-preview');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-confirmed').waitFor();
    await page.getByTestId('import-history').locator('tbody tr').first().waitFor();
    await shoot(page, 'nmap-confirmed');

    // The GLPI inventory of a Cisco switch: one new network device.
    await preview(page, 'glpi', glpiFile);
    await page.getByTestId('import-plan').waitFor();
    assert.match(await page.getByTestId('import-counts').innerText(), /新規 1 件/);
    await page.getByTestId('import-plan').getByText('3k-1-pa3.glpi-project.infra').waitFor();
    await shoot(page, 'glpi-preview');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-confirmed').waitFor();
    await page.getByTestId('import-history').getByText('確定').nth(1).waitFor();
    assert.equal(await page.getByTestId('import-history').locator('tbody tr').count(), 2);

    // The same scan again: nothing new, nothing changed.
    await preview(page, 'nmap', nmapFile);
    await page.getByTestId('import-plan').waitFor();
    assert.match(await page.getByTestId('import-counts').innerText(), /新規 0 件、更新 0 件/);
    assert.equal(await page.getByTestId('import-plan').locator('tbody tr[data-action="unchanged"]').count(), await rows.count());
    await page.getByTestId('import-discard').click();
    await page.getByTestId('import-discarded').waitFor();
    await shoot(page, 'again-discarded');

    // An import from the history, in English.
    await page.getByTestId('import-history').getByRole('link', { name: 'examples_networkequipment_2.json' }).click();
    await page.getByTestId('ledger-import-detail').waitFor();
    await page.getByTestId('import-confirmed').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'An import' }).waitFor();
    await page.getByTestId('import-plan').getByText('Network device').waitFor();
    await shoot(page, 'detail-en');
    await page.getByRole('button', { name: '日本語' }).click();
  });
});
