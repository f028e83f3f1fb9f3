// Checks every page state a browser test takes a screenshot of (support.mjs runs them before each
// screenshot, so a test added later is checked too):
// - axe-core, WCAG 2.x A and AA rules: any violation fails with the rule, the elements and axe's advice;
// - on a Japanese page, no English sentence (three or more ASCII words in a row) may be visible: product and
//   standard names, codes, e-mail addresses, URLs and file names are fine, a sentence of English words is not;
// - on an English page, Japanese text (mostly Japanese characters) must sit inside an element marked
//   lang="ja" (WCAG 3.1.2), so that a screen reader reads it with a Japanese voice.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not restrict.
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary, html: n.html.slice(0, 160) })),
      count: v.nodes.length,
    }));
  }, wcagTags);
}

function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    - ${n.target}\n      ${n.html}\n      ${(n.summary ?? '').replace(/\n/g, '\n      ')}`).join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.count} element${v.count === 1 ? '' : 's'})\n${nodes}`;
    })
    .join('\n');
}

// Runs in the page: visible texts (text nodes and the accessible-name attributes) with the closest lang.
function visibleTexts() {
  const hidden = (element) => {
    for (let e = element; e !== null; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden') return true;
      if (e.hidden || e.getAttribute('aria-hidden') === 'true') return true;
    }
    return false;
  };
  const srOnly = (element) => element.closest('.sr-only') !== null;
  const langOf = (element) => element.closest('[lang]')?.getAttribute('lang') ?? '';
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent === null || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(parent.tagName)) continue;
    const text = node.textContent.trim();
    if (text === '') continue;
    if (!srOnly(parent) && hidden(parent)) continue;
    out.push({ text, lang: langOf(parent), where: parent.tagName.toLowerCase() + (parent.dataset.testid ? `[data-testid=${parent.dataset.testid}]` : '') });
  }
  for (const element of document.body.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')) {
    if (hidden(element)) continue;
    for (const attribute of ['aria-label', 'placeholder', 'title', 'alt']) {
      const text = element.getAttribute(attribute)?.trim();
      if (text) out.push({ text, lang: langOf(element), where: `${element.tagName.toLowerCase()}@${attribute}` });
    }
  }
  return { lang: document.documentElement.lang, texts: out };
}

// Words that do not make a sentence English: e-mail addresses, URLs, file names and dotted codes are removed
// before looking for three ASCII words in a row.
const notWords = [/\S+@\S+/g, /https?:\/\/\S+/g, /\b[\w.-]+\.(?:pdf|csv|xlsx|json|png|jpe?g|txt|zip)\b/gi, /\b\w+(?:[._:/]\w+)+\b/g];
// A word may be hyphenated ("setup-code" is one word, so "mamori setup-code" is a command, not a sentence).
const englishSentence = /[A-Za-z][a-z]+(?:-[a-z]+)*(?:[ ,'’]+[A-Za-z][a-z]*(?:-[a-z]+)*){2,}/;

export function englishSentenceIn(text) {
  let rest = text;
  for (const pattern of notWords) rest = rest.replace(pattern, ' ');
  return englishSentence.exec(rest)?.[0] ?? null;
}

const japaneseCharacters = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]/g;

// Japanese text: mostly Japanese characters (a Japanese word, name or sentence). An English sentence that
// quotes a Japanese term in passing is read as English, as WCAG 3.1.2 allows for names and terms.
export function isMostlyJapanese(text) {
  const japanese = text.match(japaneseCharacters)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return japanese > 0 && japanese > latin;
}

async function languageFindings(page) {
  const { lang, texts } = await page.evaluate(visibleTexts);
  const findings = [];
  for (const { text, lang: textLang, where } of texts) {
    if (lang === 'ja') {
      if (textLang.startsWith('en')) continue;
      const sentence = englishSentenceIn(text);
      if (sentence !== null) findings.push(`English sentence "${sentence}" in ${where}: ${JSON.stringify(text.slice(0, 120))}`);
    } else if (lang === 'en') {
      if (isMostlyJapanese(text) && !textLang.startsWith('ja')) {
        findings.push(`Japanese text without lang="ja" in ${where}: ${JSON.stringify(text.slice(0, 120))}`);
      }
    }
  }
  return { lang, findings };
}

/** Throws a readable error when the page in its current state has an accessibility or language problem. */
export async function checkPage(page, name) {
  const violations = await axeViolations(page);
  const { lang, findings } = await languageFindings(page);
  const parts = [];
  if (violations.length > 0) parts.push(`axe-core (WCAG 2.x A/AA) found ${violations.length} violation(s):\n${describeViolations(violations)}`);
  if (findings.length > 0) {
    const what = lang === 'ja' ? 'English sentences on a Japanese page' : 'Japanese text not marked lang="ja" on an English page';
    parts.push(`${what}:\n${[...new Set(findings)].slice(0, 15).map((f) => `  - ${f}`).join('\n')}`);
  }
  if (parts.length > 0) throw new Error(`page check failed for "${name}" at ${page.url()}:\n${parts.join('\n')}`);
}
