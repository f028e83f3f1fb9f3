// The systems register (システム台帳, issue 16) against `mamori serve --demo`: さくら内科クリニック's director
// opens it from the navigation, adds the clinic's 電子カルテ with remote maintenance over VPN (the help
// explains リモート保守 and 接続点), corrects a contract end before its start, changes the version, sees the
// history, retires the system with a confirmation; デモ総合病院's register shows its warnings; the English
// page once. Screenshots at 1280 and 390 px: build/screenshots/systems-register-*.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { draftAssessmentId, loginInPage, screenshotDir, startSession } from './support.mjs';

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `systems-register-${name}-1280.png`), fullPage: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(screenshotDir, `systems-register-${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

describe('the systems register', () => {
  let session;

  before(async () => {
    session = await startSession({ personas: true, expectedError: (message) => /status of 400/.test(message.text()) });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
  });

  it('the clinic adds its EHR with remote maintenance, edits it, sees its history and retires it', async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(page, baseUrl, 'sakura@demo.example', 'sakura-demo-pass');
    await page.waitForURL((url) => url.pathname === '/');

    // The navigation leads to the register; the demo clinic has its cloud EHR and its レセコン.
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'システム台帳' }).click();
    await page.getByTestId('systems-table').waitFor();
    assert.equal(await page.getByTestId('systems-table').locator('tbody tr').count(), 2);
    await page.getByTestId('systems-table').getByText('クラウド型電子カルテ').waitFor();
    await shoot(page, 'list');

    // A new system: the remote maintenance questions appear with their one-sentence help.
    await page.getByTestId('add-system').click();
    await page.getByTestId('system-form').waitFor();
    await page.getByLabel('種類').selectOption({ label: '電子カルテ' });
    await page.getByLabel('名称').fill('電子カルテ（診察室の端末）');
    await page.getByLabel('製品名').fill('さくらカルテ');
    await page.getByLabel('版（バージョン）').fill('3.0');
    await page.getByLabel('事業者名').fill('デモメディカルシステムズ株式会社');
    await page.getByLabel('契約開始日').fill('2025-04-01');
    await page.getByLabel('契約終了日').fill('2025-03-01');
    await page.getByLabel('保守契約').check();
    assert.equal(await page.getByTestId('remote-details').count(), 0);
    await page.getByRole('group', { name: 'リモート保守' }).getByLabel('あり').check();
    await page.getByTestId('remote-details').waitFor();
    await page.getByText('接続点とは、事業者からの接続が院内のネットワークに入ってくる場所').waitFor();
    await page.getByText('リモート保守とは、事業者が来院せずに').waitFor();
    await page.getByLabel('VPN').check();
    await page.getByLabel('接続に使う機器').fill('VPNルータ');
    await page.getByLabel('接続点', { exact: true }).fill('受付裏のネットワーク機器');
    await shoot(page, 'form');

    // The contract end before its start: the server's rule, shown by the field.
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('form-problem').waitFor();
    await page.getByText('契約終了日は、契約開始日と同じ日かそれより後にしてください。').first().waitFor();
    await shoot(page, 'form-error');
    await page.getByLabel('契約終了日').fill('2030-03-31');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('system-detail').waitFor();
    await page.getByTestId('saved').getByText('システムを台帳に追加しました。').waitFor();
    await page.getByTestId('system-facts').getByText('あり（VPN）').waitFor();
    assert.equal(await page.getByTestId('system-history').locator('tbody tr').count(), 1);

    // Edit: a new version; the history says who changed what.
    await page.getByTestId('edit-system').click();
    await page.getByTestId('system-form').waitFor();
    await page.getByLabel('版（バージョン）').fill('3.1');
    await page.getByLabel('インターネット経由').check();
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('saved').getByText('保存しました。').waitFor();
    const history = page.getByTestId('system-history');
    assert.equal(await history.locator('tbody tr').count(), 2);
    await page.getByTestId('history-2').getByText('変更：版（バージョン）、接続方法').waitFor();
    await page.getByTestId('history-2').getByText('山田 花子（院長）').waitFor();
    await page.getByTestId('history-2').getByText('版（バージョン）：3.0 → 3.1').waitFor();
    await page.getByTestId('history-2').getByText('接続方法：VPN → インターネット経由').waitFor();
    await page.getByTestId('history-1').getByText('登録').waitFor();
    await shoot(page, 'detail');

    // Retire, after a confirmation; it moves apart in the list.
    await page.getByTestId('retire-system').click();
    await page.getByTestId('retire-confirm').waitFor();
    await shoot(page, 'retire-confirm');
    await page.getByTestId('retire-confirm').getByRole('button', { name: '使用を終えたことにする' }).click();
    await page.getByTestId('retired-notice').waitFor();
    await page.getByTestId('retired').waitFor();
    assert.equal(await page.getByTestId('edit-system').count(), 0);
    await page.getByRole('link', { name: 'システム台帳に戻る' }).click();
    await page.getByTestId('retired-table').getByText('電子カルテ（診察室の端末）').waitFor();
    assert.equal(await page.getByTestId('systems-table').locator('tbody tr').count(), 2);
    await shoot(page, 'list-retired');
  });

  it("the hospital's register shows remote maintenance and contract warnings, also in English", async () => {
    const { page, baseUrl } = session;
    const other = await session.newBrowser();
    await other.page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(other.page, baseUrl, 'hospital@demo.example', 'hospital-demo-pass');
    await other.page.waitForURL((url) => url.pathname === '/');
    await other.open('/systems');
    const table = other.page.getByTestId('systems-table');
    await table.waitFor();
    assert.equal(await table.locator('tbody tr').count(), 5);
    await table.getByText('あり（VPN）').first().waitFor();
    await table.getByText('あり（インターネット経由）').waitFor();
    await table.getByTestId('contract-ended').first().waitFor();
    await table.getByTestId('contract-ends-soon').first().waitFor();
    await shoot(other.page, 'hospital-list');

    await other.page.getByRole('button', { name: 'English' }).click();
    await other.page.getByRole('heading', { name: 'Systems register' }).waitFor();
    await table.getByText('Yes (Over the internet)').waitFor();
    await shoot(other.page, 'hospital-list-en');
    await table.getByRole('link').first().click();
    await other.page.getByTestId('system-history').waitFor();
    await shoot(other.page, 'hospital-detail-en');
    assert.ok(page);
  });

  it("the hospital's checklist shows the register beside 2-② and warns when はい contradicts it", async () => {
    const { baseUrl } = session;
    const other = await session.newBrowser();
    await other.page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(other.page, baseUrl, 'hospital@demo.example', 'hospital-demo-pass');
    await other.page.waitForURL((url) => url.pathname === '/');
    const assessmentId = await draftAssessmentId(other.page);
    // 2-② (VND-01) is the third item of the R7 form; the demo answered いいえ.
    await other.open(`/assessments/${assessmentId}/wizard/3`);
    const facts = other.page.getByTestId('register-facts');
    await facts.getByText('リモート保守を利用しているシステム: 4件').waitFor();
    assert.equal(await other.page.getByTestId('register-warnings').count(), 0);
    await other.page.getByRole('button', { name: 'はい', exact: true }).click();
    const warnings = other.page.getByTestId('register-warnings');
    await warnings.getByText('医事会計システム（レセコン）').waitFor();
    await shoot(other.page, 'checklist-context');
  });
});
