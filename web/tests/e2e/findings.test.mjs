// Vulnerability response (脆弱性対応, issue 17) against `mamori serve --demo`: デモ総合病院's security manager
// opens the dashboard from the navigation, sees the summary cards and its FortiGate VPN device's KEV finding
// (ransomware, exposed) at the top of the fix-first list, opens it and marks it 対応中 with a note; the history
// shows the change. The JVN Japanese title and the demo's リスク受容; the device check; the ministry's national
// count with "10未満". Screenshots at 1280 and 390 px: build/screenshots/findings-*.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginInPage, screenshotDir, startSession } from './support.mjs';

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `findings-${name}-1280.png`), fullPage: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(screenshotDir, `findings-${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

describe('vulnerability response', () => {
  let session;

  before(async () => {
    session = await startSession({ personas: true, expectedError: (message) => /status of 400/.test(message.text()) });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
  });

  it('the hospital sees its FortiGate KEV finding first and marks it 対応中', async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(page, baseUrl, 'hospital@demo.example', 'hospital-demo-pass');
    await page.waitForURL((url) => url.pathname === '/');

    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '脆弱性対応' }).click();
    await page.getByTestId('findings-table').waitFor();
    assert.ok(Number(await page.getByTestId('card-kev').locator('dd').innerText().then((t) => t.replace(/\D/g, ''))) >= 4);
    const first = page.getByTestId('findings-table').locator('tbody tr').first();
    assert.match(await first.getByTestId('asset-name').innerText(), /FortiGate/);
    await first.getByTestId('badge-kev').waitFor();
    await first.getByTestId('badge-ransomware').waitFor();
    await first.getByTestId('badge-exposed').waitFor();
    assert.equal(await first.getByTestId('state').innerText(), '未対応');
    await shoot(page, 'dashboard');

    await first.getByRole('link').click();
    await page.getByTestId('finding-page').waitFor();
    await page.getByTestId('kev-facts').getByText('確認されている').waitFor();
    await page.getByLabel('新しい状態').selectOption({ label: '対応中' });
    await page.getByLabel('理由・メモ').fill('保守業者にファームウェア更新を依頼。今週末の夜間に適用予定。');
    await shoot(page, 'finding');
    await page.getByTestId('triage-save').click();
    await page.getByTestId('triage-saved').waitFor();
    await page.getByTestId('finding-facts').getByText('対応中').waitFor();
    await page.getByTestId('finding-history').getByText('未対応 → 対応中').waitFor();
    await page.getByTestId('finding-history').getByText('保守業者にファームウェア更新を依頼。今週末の夜間に適用予定。').waitFor();
    await shoot(page, 'finding-in-progress');

    // Risk accepted needs a reason: the page says so before sending.
    await page.getByLabel('新しい状態').selectOption({ label: 'リスク受容' });
    await page.getByTestId('triage-save').click();
    await page.getByText('理由を書いてください。').waitFor();

    // Back on the list, the finding is 対応中; the closed ones are listed by state (the JVN title in Japanese).
    await page.getByRole('link', { name: '脆弱性対応の一覧へ' }).click();
    await page.getByTestId('findings-table').waitFor();
    assert.equal(await page.getByTestId('findings-table').locator('tbody tr').first().getByTestId('state').innerText(), '対応中');
    await page.getByLabel('状態').selectOption({ label: 'リスク受容' });
    await page.getByRole('button', { name: '絞り込む' }).click();
    await page.getByTestId('jvn-title').getByText('トレンドマイクロ製 ServerProtect における認証回避の脆弱性').waitFor();
    await shoot(page, 'risk-accepted');
  });

  it('the device check lists the CVEs of a FortiOS 6.0.4 device and names a broken line', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'この機器は影響を受けるか' }).click();
    await page.getByTestId('device-check-page').waitFor();
    await page.getByLabel('CPE 名（1 行に 1 つ、32 個まで）').fill('cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*\nfortios');
    await page.getByTestId('check-submit').click();
    await page.getByText('2 行目は CPE 名として読めません。').waitFor();
    await page.getByLabel('CPE 名（1 行に 1 つ、32 個まで）').fill('cpe:/o:fortinet:fortios:6.0.4');
    await page.getByTestId('check-submit').click();
    await page.getByTestId('check-results').waitFor();
    assert.equal(await page.getByTestId('check-row').count(), 2);
    await shoot(page, 'device-check');

    // The same pages in English: Japanese names and JVN titles are marked lang="ja".
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Is this device affected?' }).waitFor();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Vulnerabilities' }).click();
    await page.getByTestId('findings-table').waitFor();
    await page.getByRole('heading', { name: 'Fix first' }).waitFor();
    await shoot(page, 'dashboard-en');
    await page.getByTestId('findings-table').locator('tbody tr').first().getByRole('link').click();
    await page.getByTestId('finding-history').waitFor();
    await shoot(page, 'finding-en');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: '脆弱性の詳細' }).or(page.getByTestId('finding-facts')).first().waitFor();
  });

  it('the ministry sees the national KEV count without institution names', async () => {
    const other = await session.newBrowser();
    await other.page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(other.page, session.baseUrl, 'mhlw@demo.example', 'mhlw-demo-pass');
    await other.page.waitForURL((url) => url.pathname !== '/login');
    await other.page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'KEV 該当状況（全国）' }).click();
    await other.page.getByTestId('national-top').waitFor();
    assert.match(await other.page.getByTestId('national-institutions').innerText(), /10未満/);
    assert.equal(await other.page.getByText('デモ総合病院').count(), 0);
    await shoot(other.page, 'national');
  });
});
