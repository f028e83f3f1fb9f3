// The survey module (調査, issue 18 item 3) against `mamori serve --demo`:
//   - the demo hospital's security manager finds 調査 in the menu and on the home page, opens this year's
//     questionnaire (mamori's edition of MHLW's hospital survey; the demo left it half answered), answers:
//     いいえ to the EHR question hides its backup questions and はい brings them back; はい to the BCP question
//     makes the drill question appear; one answer is chosen with the arrow keys; saves a draft; 提出 is refused
//     with the required questions still unanswered listed as links (one followed: the focus lands on the
//     question); answers the rest and submits; the history shows the revisions newest first. Meanwhile a
//     second window that read the older revision is told, on saving, that someone saved first and offered a
//     reload.
//   - a clinic's user has no 調査 in the menu and gets the not-found page at the questionnaire's address.
//   - the ministry's analyst opens 調査の集計, switches to 病床規模別, sees every cell as 「秘匿」 or a count with
//     its denominator, and downloads the .xlsx.
// Screenshots at 1280 and 390 px, Japanese and English (build/screenshots/surveys-*.png); each is checked by
// axe and the language checks first (support.mjs).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginInPage, screenshotDir, startSession } from './support.mjs';

const questionnairePath = '/surveys/mhlw-hospital/2026';

// On purpose: the clinic's 404 at the questionnaire, the refused submission's 400 and the second window's 409
// (Chromium logs each answer).
function expectedError(message) {
  const text = message.text();
  if (/status of 404/.test(text)) return true;
  try {
    return /^\/api\/v1\/surveys\//.test(new URL(message.location().url).pathname) && /status of (400|409)/.test(text);
  } catch {
    return false;
  }
}

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `surveys-${name}-1280.png`), fullPage: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(150);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  await page.screenshot({ path: join(screenshotDir, `surveys-${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
  await page.waitForTimeout(50);
  assert.equal(wide, false, `${name}: the page scrolls sideways at 390 px`);
}

const question = (page, id) => page.locator(`[data-testid="survey-question"][data-question="${id}"]`);

/** Ids of the questions on the page that have no answer chosen. */
function unanswered(page) {
  return page
    .getByTestId('survey-question')
    .evaluateAll((sets) => sets.filter((set) => set.querySelector('input[type="radio"]:checked') === null).map((set) => set.dataset.question));
}

describe('surveys', () => {
  let session;
  const downloads = mkdtempSync(join(tmpdir(), 'mamori-survey-downloads-'));

  before(async () => {
    session = await startSession({ personas: true, statisticsSample: true, expectedError });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('the hospital answers, saves, is told what is missing, submits and sees the history', async () => {
    const { page, baseUrl } = session;
    await loginInPage(page, baseUrl, 'hospital@demo.example', 'hospital-demo-pass');
    // The home page asks for the open survey; the menu has 調査.
    const notice = page.getByTestId('survey-notice');
    await notice.waitFor();
    await notice.getByText('回答中').waitFor();
    await shoot(page, 'home');
    const menu = page.getByRole('navigation', { name: 'メインメニュー' });
    await menu.getByRole('link', { name: '調査', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/surveys');
    const list = page.getByTestId('surveys-list');
    await list.locator('tr[data-survey="mhlw-hospital/2026"]').getByTestId('survey-status').getByText('回答中').waitFor();
    await list.locator('tr[data-survey="mhlw-hospital/2023"]').getByText('受付期間外').waitFor();
    await shoot(page, 'list');
    await list.locator('tr[data-survey="mhlw-hospital/2026"]').getByRole('link').click();
    await page.waitForURL((url) => url.pathname === questionnairePath);

    const form = page.getByTestId('survey-page');
    await form.waitFor();
    await form.getByRole('heading', { level: 1, name: '病院における医療情報システムのサイバーセキュリティ対策に係る調査' }).waitFor();
    // The EHR question: required, worded by mamori and said so in plain Japanese, no confidence letter.
    const ehr = question(page, 'ehr_in_use');
    await ehr.getByTestId('required-mark').getByText('必須').waitFor();
    const notes = await ehr.getByTestId('question-notes').innerText();
    assert.match(notes, /設問文は守りがまとめたもので、厚生労働省の調査票の原文ではありません。/);
    assert.match(notes, /内容は調査票で確認済みです。/);
    assert.doesNotMatch(notes, /\b[VSI]\b/, 'no confidence letter on the page');
    // The demo's draft: the EHR in use, the backup questions shown; the BCP question not answered yet.
    assert.equal(await ehr.getByLabel('はい', { exact: true }).isChecked(), true);
    await question(page, 'q10').getByTestId('shown-because').getByText('「はい」を選んだため表示しています').waitFor();
    const startRevision = Number(await form.getAttribute('data-revision'));

    // いいえ to the EHR question hides the backup questions; はい brings them back with their answers.
    const before = await question(page, 'q10').locator('input:checked').getAttribute('value');
    await ehr.getByLabel('いいえ', { exact: true }).check();
    await question(page, 'q10').waitFor({ state: 'detached' });
    assert.equal(await question(page, 'offline_backup').count(), 0);
    await ehr.getByLabel('はい', { exact: true }).check();
    await question(page, 'q10').waitFor();
    assert.equal(await question(page, 'q10').locator('input:checked').getAttribute('value'), before);

    // はい to the BCP question: the drill question appears, saying why.
    assert.equal(await question(page, 'bcp_drill').count(), 0, 'the drill question waits for the BCP answer');
    await question(page, 'cyber_bcp').getByLabel('はい', { exact: true }).check();
    await question(page, 'bcp_drill').getByTestId('shown-because').getByText('で「はい」を選んだため表示しています', { exact: false }).waitFor();
    // The keyboard: Q10's first option, then ↓ chooses the next one.
    await question(page, 'q10').getByLabel('1か月以内ごと').check();
    await question(page, 'q10').getByLabel('1か月以内ごと').press('ArrowDown');
    assert.equal(await question(page, 'q10').getByLabel('1〜3か月ごと').isChecked(), true, '↓ moves to the next option');
    await form.getByTestId('survey-save-status').getByText('保存していない変更があります。').waitFor();

    await form.getByRole('button', { name: '下書き保存' }).click();
    await form.getByTestId('survey-save-status').getByText(/保存しました。$/).waitFor();
    await page.locator('[data-testid="survey-page"][data-status="draft"]').waitFor();
    const draftRevision = Number(await form.getAttribute('data-revision'));
    assert.equal(draftRevision, startRevision + 1, 'the save is the next revision');

    // A second window on the same response, read at this revision (used at the end).
    const other = await session.newBrowser();
    await loginInPage(other.page, baseUrl, 'hospital@demo.example', 'hospital-demo-pass');
    await other.open(questionnairePath);
    await other.page.locator(`[data-testid="survey-page"][data-revision="${draftRevision}"]`).waitFor();

    // 提出 with questions unanswered: refused, each missing question a link to it.
    await form.getByRole('button', { name: '提出', exact: true }).click();
    const refused = page.getByTestId('survey-incomplete');
    await refused.waitFor();
    await refused.getByText('答えていない必須の設問があります').waitFor();
    const missingLinks = refused.getByTestId('survey-missing').getByRole('link');
    const missingCount = await missingLinks.count();
    assert.ok(missingCount >= 5, `the unanswered required questions are listed: ${missingCount}`);
    const missingNow = await unanswered(page);
    assert.equal(missingCount, missingNow.length, 'every unanswered shown question is listed, and nothing else');
    assert.ok(missingNow.includes('q12'), 'Q12 is unanswered');
    assert.ok(missingNow.includes('bcp_drill'), 'the drill question is unanswered');
    await refused.getByRole('link', { name: /^Q12 / }).click();
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-question]')?.getAttribute('data-question'));
    assert.equal(focused, 'q12', 'the link takes the focus to Q12');
    await question(page, 'q12').getByTestId('question-error').waitFor();
    await shoot(page, 'missing');

    // Everything else answered (the first option of each).
    for (let round = 0; round < 5; round += 1) {
      const open = await unanswered(page);
      if (open.length === 0) break;
      for (const id of open) await question(page, id).locator('input[type="radio"]').first().check();
    }
    assert.deepEqual(await unanswered(page), []);
    await form.getByRole('button', { name: '提出', exact: true }).click();
    await form.getByTestId('survey-save-status').getByText('提出しました。').waitFor();
    await page.locator('[data-testid="survey-page"][data-status="submitted"]').waitFor();
    await form.getByTestId('survey-resubmit').waitFor();

    // The history: newest first, the submission on top, the draft below it.
    const history = page.getByTestId('survey-history');
    const revisions = history.getByTestId('survey-revision');
    await revisions.nth(1).waitFor();
    const numbers = await revisions.evaluateAll((rows) => rows.map((row) => Number(row.dataset.revision)));
    assert.deepEqual([...numbers].sort((a, b) => b - a), numbers, 'newest first');
    assert.equal(await revisions.first().getByTestId('survey-status').getAttribute('data-status'), 'submitted');
    // 提出 with unsaved changes saves them first: the submission, that save, the first save, the demo's draft.
    assert.deepEqual(numbers, [draftRevision + 2, draftRevision + 1, draftRevision, startRevision], 'every revision, newest first');
    await revisions.first().getByText(/の回答を見る$/).click();
    await revisions.first().getByText('1〜3か月ごと').waitFor();
    await shoot(page, 'submitted');

    // The other window still holds the draft's revision: its save is refused with a way to reload.
    await question(other.page, 'q12').getByLabel('いいえ', { exact: true }).check();
    await other.page.getByRole('button', { name: '下書き保存' }).click();
    const stale = other.page.getByTestId('survey-stale');
    await stale.getByText('ほかの画面で先に保存されました').waitFor();
    await stale.getByRole('button', { name: '再読み込みする' }).click();
    await other.page.locator('[data-testid="survey-page"][data-status="submitted"]').waitFor();
    assert.equal(await question(other.page, 'q12').getByLabel('はい', { exact: true }).isChecked(), true, 'the reload shows the submitted answer');
    assert.deepEqual(other.problems, []);

    // English: the same page, the Japanese-only names marked.
    await page.getByRole('button', { name: 'English' }).click();
    await form.getByRole('heading', { level: 1, name: "Survey of hospitals' cybersecurity measures for medical information systems" }).waitFor();
    await question(page, 'ehr_in_use').getByTestId('question-notes').getByText("The question is mamori's summary", { exact: false }).waitFor();
    await shoot(page, 'submitted-en');
    await page.getByRole('button', { name: '日本語' }).click();
  });

  it('a clinic has no 調査 and gets the not-found page at its address', async () => {
    const clinic = await session.newBrowser();
    await loginInPage(clinic.page, session.baseUrl, 'sakura@demo.example', 'sakura-demo-pass');
    const menu = clinic.page.getByRole('navigation', { name: 'メインメニュー' });
    await menu.getByRole('link', { name: '自己点検' }).waitFor();
    assert.equal(await menu.getByRole('link', { name: '調査', exact: true }).count(), 0);
    assert.equal(await clinic.page.getByTestId('survey-notice').count(), 0);
    await clinic.open(questionnairePath);
    await clinic.page.getByTestId('not-found').waitFor();
    await clinic.open('/surveys');
    await clinic.page.getByTestId('not-found').waitFor();
  });

  it('the ministry analyst reads the survey by bed band and downloads .xlsx', async () => {
    const analyst = await session.newBrowser();
    const { page } = analyst;
    await loginInPage(page, session.baseUrl, 'mhlw@demo.example', 'mhlw-demo-pass');
    await page.waitForURL((url) => url.pathname === '/statistics');
    await page.getByTestId('statistics-tabs').getByRole('link', { name: '調査の集計' }).click();
    await page.waitForURL((url) => url.pathname === '/statistics/surveys');
    await page.getByRole('heading', { level: 1, name: '調査の集計' }).waitFor();
    const results = page.getByTestId('survey-results');
    await results.getByTestId('survey-result').first().waitFor();
    await page.getByLabel('調査', { exact: true }).selectOption('mhlw-hospital/2026');
    await page.waitForURL((url) => url.searchParams.get('version') === '2026');
    await page.getByTestId('survey-results').getByTestId('survey-result').first().waitFor();

    await page.getByLabel('集計の単位').selectOption('bed_band');
    await page.waitForURL((url) => url.searchParams.get('by') === 'bed_band');
    await page.locator('[data-testid="survey-results"][data-by="bed_band"]').waitFor();
    const bcp = page.locator('[data-testid="survey-result"][data-question="cyber_bcp"]');
    await bcp.waitFor();
    assert.ok((await bcp.locator('tbody tr[data-group]').count()) >= 2, 'several bed bands');
    // Every cell is 秘匿 or "n / N（p%）" with its denominator.
    const cells = await page
      .getByTestId('survey-result-table')
      .locator('tbody td')
      .evaluateAll((tds) =>
        tds.map((td) => ({
          suppressed: td.querySelector('[data-suppressed]') !== null,
          count: td.querySelector('[data-count]')?.getAttribute('data-count') ?? null,
          of: td.querySelector('[data-of]')?.getAttribute('data-of') ?? null,
          text: td.innerText,
        })),
      );
    assert.ok(cells.length > 0);
    for (const cell of cells) {
      assert.ok(cell.suppressed || cell.count !== null, `a cell is 秘匿 or a number: ${JSON.stringify(cell)}`);
      if (cell.suppressed) assert.match(cell.text, /秘匿/);
    }
    for (const cell of cells.filter((c) => c.of !== null)) assert.match(cell.text, /^[\s\S]*\d+ \/ \d+（(\d+%|—)）$/, `a share with its denominator: ${cell.text}`);
    // Beside it, MHLW's published figure with its source.
    await bcp.getByTestId('survey-result-mhlw').getByRole('link', { name: '出典' }).waitFor();
    await page.getByTestId('suppression-note').waitFor();
    await shoot(page, 'results-bed-band');

    const xlsxLink = page.getByTestId('export-survey-xlsx');
    assert.match(await xlsxLink.getAttribute('href'), /^\/api\/v1\/statistics\/surveys\/mhlw-hospital\/2026\?.*by=bed_band.*format=xlsx/);
    const [download] = await Promise.all([page.waitForEvent('download'), xlsxLink.click()]);
    const file = join(downloads, 'survey.xlsx');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx (zip) file');
    assert.ok(bytes.includes(Buffer.from('xl/worksheets/')), 'with a worksheet');
    const csv = await page.request.get(new URL(await page.getByTestId('export-survey-csv').getAttribute('href'), session.baseUrl).href);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'], /text\/csv/);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
    await page.getByTestId('survey-results').getByTestId('survey-result').first().waitFor();
    await shoot(page, 'results-en');
    await page.getByRole('button', { name: '日本語' }).click();
    assert.deepEqual(analyst.problems, []);
  });
});
