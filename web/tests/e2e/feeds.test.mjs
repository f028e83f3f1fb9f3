// Vulnerability feeds (issue 17) against `mamori serve --demo`: the operator (厚生労働省の管理者) opens
// 脆弱性情報 from the navigation, uploads the real CISA KEV catalog (read in place from ../shared/data), sees
// what it did and the feed table and history; a wrong file is refused naming where; さくら内科クリニック reads
// the CVE page of CVE-2018-13379 (悪用確認, ランサムウェア). Screenshots at 1280 and 390 px:
// build/screenshots/feeds-*.png.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { loginInPage, screenshotDir, startSession } from './support.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dataDir = process.env.MAMORI_SHARED_DATA || join(repoRoot, '..', 'shared', 'data');
const kevFile = join(dataDir, 'kev', 'known_exploited_vulnerabilities.json');

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `feeds-${name}-1280.png`), fullPage: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(screenshotDir, `feeds-${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

describe('vulnerability feeds', { skip: existsSync(kevFile) ? false : `real data not found at ${kevFile} (../shared/data is absent): skipped` }, () => {
  let session;

  before(async () => {
    session = await startSession({
      personas: true,
      expectedError: (message) => /status of (400|401|404)/.test(message.text()),
    });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
  });

  it('the operator imports the real KEV catalog and a clinic reads a CVE', async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(page, baseUrl, 'mhlw-admin@demo.example', 'mhlw-admin-demo-pass');
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '脆弱性情報' }).click();
    await page.getByTestId('feeds-table').waitFor();
    assert.equal(await page.getByTestId('feed-records-kev').textContent(), '6件', "the demo's hand-written feed");
    await shoot(page, 'empty');

    // A wrong file for the feed chosen: refused, the place named, nothing imported.
    await page.getByLabel('脆弱性情報の種類').selectOption('kev');
    await page.getByLabel('ファイル', { exact: true }).setInputFiles({
      name: 'kev-broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"vulnerabilities":[{"cveID":"CVE-2099-0001","dateAdded":"いつか","knownRansomwareCampaignUse":"Known"}]}'),
    });
    await page.getByRole('button', { name: '取り込む' }).click();
    await page.getByTestId('import-problem').waitFor();
    assert.equal(await page.getByTestId('import-problem-where').textContent(), '$.vulnerabilities[0].dateAdded');
    await shoot(page, 'refused');

    await page.getByLabel('ファイル', { exact: true }).setInputFiles({
      name: 'known_exploited_vulnerabilities.json',
      mimeType: 'application/json',
      buffer: await readFile(kevFile),
    });
    await page.getByRole('button', { name: '取り込む' }).click();
    await page.getByTestId('import-result').waitFor();
    assert.equal(await page.getByTestId('result-read').textContent(), 'ファイルの件数：1,404件');
    assert.equal(await page.getByTestId('result-written').textContent(), '新しく加えた・更新した件数：1,404件');
    await page.getByTestId('feed-records-kev').getByText('1,404件').waitFor();
    const history = page.getByTestId('feeds-history');
    await history.getByText('known_exploited_vulnerabilities.json').waitFor();
    await history.getByText('失敗').waitFor();
    await shoot(page, 'imported');

    // A JVN detail (VULDEF XML): its Japanese title joins CVE-2021-36745.
    await page.getByLabel('脆弱性情報の種類').selectOption('jvn');
    await page.getByLabel('ファイル', { exact: true }).setInputFiles({
      name: 'getVulnDetailInfo_hnd_JVNDB-2021-002774.xml',
      mimeType: 'application/xml',
      buffer: await readFile(join(dataDir, 'jvn', 'examples', 'hnd', 'getVulnDetailInfo_hnd_JVNDB-2021-002774.xml')),
    });
    await page.getByRole('button', { name: '取り込む' }).click();
    await page.getByTestId('import-result').getByText('JVN iPedia（日本語の脆弱性情報）を取り込みました。').waitFor();
    assert.equal(await page.getByTestId('result-changed').textContent(), '機器との照合をやり直す CVE：1件');

    // さくら内科クリニック: the CVE page, open to every signed-in person.
    await page.context().clearCookies();
    await loginInPage(page, baseUrl, 'sakura@demo.example', 'sakura-demo-pass');
    await page.goto(new URL('/cves/CVE-2018-13379', baseUrl).href);
    await page.getByTestId('cve-kev').waitFor();
    assert.equal(await page.getByTestId('cve-ransomware').textContent(), '確認されています');
    await page.getByRole('heading', { level: 1, name: 'CVE-2018-13379' }).waitFor();
    await shoot(page, 'cve');
    await page.goto(new URL('/cves/CVE-2021-36745', baseUrl).href);
    await page.getByTestId('cve-jvn-JVNDB-2021-002774').getByText('トレンドマイクロ製 ServerProtect における認証回避の脆弱性').waitFor();
    await page.getByTestId('cve-not-kev').waitFor();
    await shoot(page, 'cve-jvn');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'JVN iPedia' }).waitFor();
    await shoot(page, 'cve-jvn-en');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.goto(new URL('/cves/CVE-1999-99999', baseUrl).href);
    await page.getByTestId('cve-unavailable').waitFor();
  });
});
