// Vendor join (issue 16) against `mamori serve --demo`: さくら内科クリニック's director invites a vendor from
// 取引先事業者 (the 法人番号's check digit is checked on the page), gets the code once with a letter to print;
// the vendor, in another browser, joins at /vendors/join with that code and is sent to sign in and set up
// the second factor; the clinic then sees the vendor linked and the invitation used. Screenshots at 1280 and
// 390 px: build/screenshots/vendor-join-*.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginInPage, screenshotDir, startSession } from './support.mjs';

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `vendor-join-${name}-1280.png`), fullPage: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(screenshotDir, `vendor-join-${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

describe('vendor join', () => {
  let session;

  before(async () => {
    session = await startSession({ personas: true, expectedError: (message) => /status of 409/.test(message.text()) });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
  });

  it('the clinic invites a vendor, which joins with the code in another browser', async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(page, baseUrl, 'sakura@demo.example', 'sakura-demo-pass');
    await page.waitForURL((url) => url.pathname === '/');

    // 取引先事業者: the demo vendor is linked, the demo's invitation is pending.
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '取引先事業者' }).click();
    await page.getByTestId('linked-vendors').getByText('デモ医療システム株式会社').waitFor();
    await page.getByTestId('vendor-invitations').getByText('デモクラウドヘルス株式会社').waitFor();
    await page.getByTestId('vendor-invitations').getByText('招待中').waitFor();
    await shoot(page, 'institution');

    // The invite form: a wrong check digit is caught on the page.
    await page.locator('#vendor_name').fill('テスト参加ヘルス株式会社');
    await page.locator('#corporate_number').fill('1234567890123');
    await page.getByLabel('クラウド型電子カルテ').check();
    await page.getByRole('button', { name: '招待コードを作る' }).click();
    await page.getByText('法人番号のチェック用の数字（先頭の1桁）が合いません。').first().waitFor();
    await shoot(page, 'invite-error');
    await page.locator('#corporate_number').fill('7123456789012');
    await page.getByRole('button', { name: '招待コードを作る' }).click();
    const code = (await page.getByTestId('invitation-code').textContent()).trim();
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const letter = await page.getByTestId('invitation-letter').textContent();
    assert.ok(letter.includes(code) && letter.includes('/vendors/join') && letter.includes('さくら内科クリニック'), letter);
    await shoot(page, 'code');

    // The vendor, on another PC: the join page with the code.
    const vendor = await session.newBrowser();
    await vendor.page.setViewportSize({ width: 1280, height: 800 });
    await vendor.open('/vendors/join');
    await vendor.page.getByTestId('vendor-join-form').waitFor();
    await shoot(vendor.page, 'join');
    await vendor.page.locator('#code').fill(code);
    await vendor.page.locator('#vendor_name').fill('テスト参加ヘルス株式会社');
    await vendor.page.locator('#corporate_number').fill('7123456789012');
    await vendor.page.locator('[id="administrator.login"]').fill('admin@join-health.example');
    await vendor.page.locator('[id="administrator.display_name"]').fill('参加 花子');
    await vendor.page.locator('[id="administrator.password"]').fill('a long vendor password 2026');
    await vendor.page.getByRole('button', { name: '参加する' }).click();
    await vendor.page.getByTestId('vendor-joined').getByText('テスト参加ヘルス株式会社として守りに参加し、さくら内科クリニックとつながりました。').waitFor();
    await shoot(vendor.page, 'joined');

    // Signing in asks for the second factor before anything else.
    await vendor.page.getByTestId('joined-sign-in').click();
    await vendor.page.getByLabel('ログイン名（メールアドレス）').fill('admin@join-health.example');
    await vendor.page.getByRole('textbox', { name: 'パスワード', exact: true }).fill('a long vendor password 2026');
    await vendor.page.getByRole('button', { name: 'ログインする' }).click();
    await vendor.page.waitForURL((url) => url.pathname.includes('mfa'));
    await shoot(vendor.page, 'mfa');
    assert.deepEqual(vendor.problems, []);

    // The clinic sees the vendor linked, with its system, and the invitation used.
    await page.getByTestId('invitation-done').click();
    await page.getByTestId('linked-vendors').getByText('テスト参加ヘルス株式会社').waitFor();
    await page.getByTestId('linked-vendors').getByText('クラウド型電子カルテ').waitFor();
    await page.getByTestId('vendor-invitations').getByText('参加済み').waitFor();
    await shoot(page, 'linked');
  });

  it("the vendor's customers and code form, and the operator's registry", async () => {
    const vendor = await session.newBrowser();
    await vendor.page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(vendor.page, session.baseUrl, 'vendor@demo.example', 'vendor-demo-pass');
    await vendor.page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '顧客医療機関' }).click();
    const customers = vendor.page.getByTestId('customers');
    await customers.getByText('デモ総合病院').waitFor();
    await customers.getByText('さくら内科クリニック').waitFor();
    await customers.getByText('電子カルテ（全病棟・外来）').waitFor();
    assert.equal(await customers.getByText('医用画像管理システム（PACS）').count(), 0, "another vendor's system is not shown");
    await vendor.page.getByTestId('redeem-admin-only').waitFor();
    await shoot(vendor.page, 'customers');
    assert.deepEqual(vendor.problems, []);

    const operator = await session.newBrowser();
    await operator.page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(operator.page, session.baseUrl, 'mhlw-admin@demo.example', 'mhlw-admin-demo-pass');
    await operator.open('/vendors/organisations');
    const registry = operator.page.getByTestId('vendor-organisations');
    await registry.getByText('デモイメージング株式会社').waitFor();
    await registry.getByText('1345678901234').waitFor();
    await operator.page.locator('#name').fill('デモイメージング（株）');
    await operator.page.getByRole('button', { name: '登録する' }).click();
    await operator.page.getByTestId('same-name').waitFor();
    await shoot(operator.page, 'registry-same-name');
    await operator.page.getByLabel('上の事業者とは別の事業者として、新しく登録します').check();
    await operator.page.getByRole('button', { name: '登録する' }).click();
    await operator.page.getByTestId('organisations-notice').waitFor();
    await registry.getByText('デモイメージング（株）').waitFor();
    await shoot(operator.page, 'registry');
    assert.deepEqual(operator.problems, []);
  });
});
