// Accessibility items of issue 13, in a hospital's checklist and the prefecture's audit log, with a server
// whose sessions end after one idle minute: the warning before the end and its extension (WCAG 2.2.1),
// typed text kept over a session's end, the wizard's explicit 移動 (3.2.2), the table's buttons in the Tab
// order and its editor's heading (1.3.1, 2.1.1), the date field's focus ring (2.4.7), reflow at 320 px
// (1.4.10), lang="ja" in the English UI (3.1.2), readable audit entries. Every screenshot also runs axe-core
// and the language checks (support.mjs).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { englishSentenceIn, isMostlyJapanese } from './page-checks.mjs';
import { ApiClient, loginInPage, provisionDemoPeople, screenshotDir, startSession, totpCode } from './support.mjs';

const hospital = {
  organisation: 'デモ総合病院',
  name: '佐藤 花子',
  login: 'sato@demo-hospital.example.jp',
  password: 'demo sogo byoin anzen 2026',
  roles: ['security_manager'],
};

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

describe('the English-sentence check', () => {
  it('finds a sentence of English words and lets names, codes, addresses and file names pass', () => {
    assert.equal(englishSentenceIn('サーバーからの説明: the code does not match'), 'the code does not match');
    assert.equal(englishSentenceIn('Server error occurred'), 'Server error occurred');
    for (const fine of ['mamori', 'TOTP のコード', 'sato@example.jp に送りました', '任命書.pdf', 'Google Authenticator', 'API トークン', 'https://example.jp/a/b', 'mamori setup-code を実行']) {
      assert.equal(englishSentenceIn(fine), null, fine);
    }
  });

  it('tells Japanese text from an English sentence quoting a Japanese term', () => {
    assert.equal(isMostlyJapanese('体制構築'), true);
    assert.equal(isMostlyJapanese('佐藤 花子'), true);
    assert.equal(isMostlyJapanese('Not required (記入不要)'), false);
    assert.equal(isMostlyJapanese('Governance'), false);
  });
});

describe('accessibility of the first hour', () => {
  let session;
  let page;
  let prefectureLogin;
  let assessment;

  const shots = async (name, widths = [1280, 390, 320]) => {
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      await sleep(100);
      await page.screenshot({ path: join(screenshotDir, `a11y-${name}-${width === 1280 ? 'desktop' : width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  };

  const overflowAt320 = async (path) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await session.open(path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByTestId('assessment-loading').waitFor({ state: 'detached' }).catch(() => undefined);
    await sleep(200);
    const { width, widest } = await page.evaluate(() => {
      // The innermost elements reaching past the right edge, to say what overflows (outside data tables'
      // own scroll containers).
      const wide = [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > 321 && e.closest('[data-scroll-container]') === null);
      const innermost = wide.filter((e) => !wide.some((other) => other !== e && e.contains(other)));
      return {
        width: document.scrollingElement.scrollWidth,
        widest: innermost.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 4).join('.')} "${(e.textContent ?? '').trim().slice(0, 40)}"`),
      };
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    if (width > 320) console.error(`${path} at 320 px: ${widest.join('; ')}`);
    return width;
  };

  before(async () => {
    session = await startSession({ serverArgs: ['--session-idle-minutes', '1'] });
    page = session.page;
    ({ prefectureLogin } = await provisionDemoPeople(session.baseUrl, session.setupCode, [hospital]));
    await loginInPage(page, session.baseUrl, hospital.login, hospital.password);
    await session.open('/assessments');
    await page.getByTestId('start-assessment').click();
    await page.waitForURL(/\/assessments\/\d+$/);
    assessment = Number(/\/assessments\/(\d+)$/.exec(page.url())[1]);
  });

  after(async () => {
    await session?.close();
  });

  it('warns before the idle timeout, and the session lasts when the user stays', async () => {
    await session.open(`/assessments/${assessment}/wizard/1`);
    await page.getByTestId('wizard-position').waitFor();
    const started = Date.now();
    const dialog = page.getByRole('alertdialog', { name: 'まもなくログインの有効期限が切れます' });
    await dialog.waitFor({ timeout: 50_000 });
    assert.ok(Date.now() - started < 50_000);
    const stay = dialog.getByRole('button', { name: 'ログインを続ける' });
    assert.equal(await stay.evaluate((element) => element === document.activeElement), true, 'focus is not on the button');
    await shots('session-warning', [1280, 390]);
    await stay.click();
    await dialog.waitFor({ state: 'detached' });
    // Past the moment the session would have ended without the extension (one idle minute), it is still there.
    await sleep(Math.max(0, started + 62_000 - Date.now()));
    const status = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
    assert.equal(status, 200);
  });

  it('moves in the wizard only when 移動 is pressed', async () => {
    await session.open(`/assessments/${assessment}/wizard/1`);
    const jump = page.getByLabel('項目へ移動');
    await jump.waitFor();
    await jump.selectOption({ index: 2 });
    await sleep(300);
    assert.match(new URL(page.url()).pathname, /\/wizard\/1$/, 'choosing an item navigated by itself');
    await page.getByRole('button', { name: '移動', exact: true }).click();
    await page.waitForURL(/\/wizard\/3$/);
    await shots('wizard');
  });

  it('keeps the table buttons in the Tab order and titles the row editor with a heading', async () => {
    await session.open(`/assessments/${assessment}/table`);
    const first = page.getByTestId('table-row').first();
    await first.waitFor();
    await first.focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent ?? '' }));
    assert.equal(focused.tag, 'BUTTON', 'Tab from a row does not reach its buttons');
    assert.match(focused.text, /編集/);
    await page.keyboard.press('Enter');
    const editor = page.getByTestId('row-editor');
    await editor.waitFor();
    const heading = editor.getByRole('heading', { level: 2 });
    assert.match((await heading.textContent()) ?? '', /編集|回答/);
    const levels = await page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4')].map((h) => Number(h.tagName[1])));
    for (let i = 1; i < levels.length; i++) assert.ok(levels[i] - levels[i - 1] <= 1, `heading levels jump: ${levels.join(' ')}`);

    await shots('table-editor', [1280, 390]);
    await page.keyboard.press('Escape');
  });

  it('reflows at 320 px: nothing but data tables scrolls sideways, in Japanese and English', async () => {
    for (const path of [`/assessments/${assessment}/wizard/1`, `/assessments/${assessment}/wizard/5`, `/assessments/${assessment}`]) {
      const width = await overflowAt320(path);
      assert.ok(width <= 320, `${path} is ${width} px wide at 320 px (Japanese)`);
    }
    await page.getByRole('button', { name: 'English' }).click();
    for (const path of [`/assessments/${assessment}/table`, `/assessments/${assessment}/wizard/1`]) {
      const width = await overflowAt320(path);
      assert.ok(width <= 320, `${path} is ${width} px wide at 320 px (English)`);
    }
  });

  it('marks Japanese words inside the English UI with lang="ja"', async () => {
    await session.open(`/assessments/${assessment}/wizard/2`);
    await page.getByTestId('wizard-position').waitFor();
    const unmarked = await page.evaluate(() => {
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        if (!/[\u3040-\u30ff\u3400-\u9fff]/.test(node.textContent)) continue;
        const lang = node.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '';
        if (!lang.startsWith('ja')) out.push(node.textContent.trim());
      }
      return out;
    });
    assert.deepEqual(unmarked, []);
    await shots('wizard-en', [1280, 320]);
    await page.getByRole('button', { name: '日本語' }).click();
  });

  it('puts typed text back after the session ended and the user logged in again', async () => {
    await session.open(`/assessments/${assessment}/wizard/2`);
    const row = page.getByTestId('wizard-row').first();
    await row.getByRole('button', { name: 'はい', exact: true }).click();
    await row.getByTestId('save-status').getByText(/保存しました/).waitFor();
    // The date field keeps the app's 4 px focus ring on its calendar button: Tab goes through the year, month
    // and day parts and then to the button, where the field no longer matches :focus-visible (Chromium).
    const date = row.getByLabel('確認日');
    await date.focus();
    for (let part = 0; part < 3; part++) await page.keyboard.press('Tab');
    const ring = await date.evaluate((element) => {
      const style = getComputedStyle(element);
      return { focused: document.activeElement === element, visible: element.matches(':focus-visible'), width: style.outlineWidth, style: style.outlineStyle };
    });
    assert.deepEqual(ring, { focused: true, visible: false, width: '4px', style: 'solid' });
    await page.keyboard.press('Shift+Tab');
    // The session ends (as after the idle timeout) while the user types: the autosave's 401 signs the page out.
    await page.context().clearCookies();
    const note = '担当者の変更を 4 月に確認する';
    await row.getByLabel('メモ').fill(note);
    await page.waitForURL(/\/login/);
    await page.getByTestId('session-ended').waitFor();
    await page.getByLabel('ログイン名（メールアドレス）').fill(hospital.login);
    await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(hospital.password);
    await page.getByRole('button', { name: 'ログインする' }).click();
    await page.waitForURL(/\/wizard\/2$/);
    await page.getByTestId('drafts-restored').waitFor();
    const again = page.getByTestId('wizard-row').first();
    assert.equal(await again.getByLabel('メモ').inputValue(), note);
    await again.getByTestId('save-status').getByText(/保存しました/).waitFor();
    await shots('drafts-restored', [1280, 390]);
  });

  it('shows the audit log with names and actions in words, never codes', async () => {
    // The prefecture's administrator logs in again (sessions here end after one idle minute).
    const prefecture = new ApiClient(session.baseUrl);
    const login = await prefecture.expectOk('POST', '/api/v1/session', { login: prefectureLogin.login, password: prefectureLogin.password });
    assert.equal(login.mfa, 'verify');
    await prefecture.expectOk('POST', '/api/v1/session/mfa', { code: totpCode(prefectureLogin.secret) });
    const [name, value] = prefecture.cookie.split('=');
    await page.context().addCookies([{ name, value, url: session.baseUrl.href }]);
    await session.open('/catalog');
    await page.evaluate(() => localStorage.setItem('mamori.session', '1'));
    await session.open('/admin/audit');
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    assert.doesNotMatch(text, /#\d|user:|invitation:|setup\.|login\.|mfa\./, text);
    assert.match(text, /東京都 管理者/);
    assert.match(text, /初期設定/);
    assert.match(text, /二要素認証の設定/);
    await shots('audit');
    assert.ok((await overflowAt320('/admin/audit')) <= 320, 'the audit log overflows at 320 px');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /Audit log/ }).waitFor();
    assert.ok((await overflowAt320('/admin/audit')) <= 320, 'the English audit log overflows at 320 px');
    await shots('audit-en');
    await page.getByRole('button', { name: '日本語' }).click();
  });

  it('logged no console errors', () => {
    // The sign-out test provokes one 401 on purpose.
    assert.deepEqual(
      session.problems.filter((p) => !/status of 401/.test(p)),
      [],
    );
  });
});
