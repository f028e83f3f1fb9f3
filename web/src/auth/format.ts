// Formatting for the identity pages: times in Japan time, one-time codes as people type them.
import type { Language } from '../i18n';

const jst = 'Asia/Tokyo';

function parts(date: Date, language: Language, seconds: boolean): Record<string, string> {
  const formatter = new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: jst,
    year: 'numeric',
    month: language === 'ja' ? 'numeric' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  });
  const out: Record<string, string> = {};
  for (const part of formatter.formatToParts(date)) out[part.type] = part.value;
  return out;
}

/**
 * An ISO time from the server ("2025-11-24T20:51:00.123Z") in Japan time: "2025年11月24日 05:51" or
 * "24 Nov 2025 05:51". Returns the text unchanged when it is not a time.
 */
export function formatJst(iso: string, language: Language, options: { seconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = parts(date, language, options.seconds === true);
  const time = `${p['hour']}:${p['minute']}${options.seconds === true ? `:${p['second']}` : ''}`;
  return language === 'ja' ? `${p['year']}年${p['month']}月${p['day']}日 ${time}` : `${p['day']} ${p['month']} ${p['year']} ${time}`;
}

/** Only the date, in Japan time: "2025年11月24日" / "24 Nov 2025". */
export function formatJstDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = parts(date, language, false);
  return language === 'ja' ? `${p['year']}年${p['month']}月${p['day']}日` : `${p['day']} ${p['month']} ${p['year']}`;
}

/** The time in a lockout problem ("… locked until 2025-11-24T21:06:00.000Z (UTC) …"), if there is one. */
export function lockedUntil(detail: string | null): string | null {
  const match = /until (\d{4}-\d{2}-\d{2}T[0-9:.]+Z)/.exec(detail ?? '');
  return match?.[1] ?? null;
}

/** Full-width digits and letters (from a Japanese input method) become ASCII; spaces go. */
function ascii(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]/g, '');
}

/** What the person typed as a TOTP code, as digits only ("１２３ ４５６" → "123456"). */
export function normaliseTotp(text: string): string {
  return ascii(text).replace(/[-‐－ー]/g, '');
}

/**
 * A recovery or invitation code as the server writes it ("abcd efgh jklm" → "ABCD-EFGH-JKLM"): letters
 * upper-cased, dashes of any kind accepted, and inserted every four characters when they were left out.
 */
export function normaliseCode(text: string): string {
  const plain = ascii(text).toUpperCase().replace(/[-‐－ー―]/g, '');
  if (plain.length === 12 && /^[0-9A-Z]+$/.test(plain)) return plain.replace(/(.{4})(?=.)/g, '$1-');
  return ascii(text).toUpperCase().replace(/[‐－ー―]/g, '-');
}

/** A Base32 secret in groups of four for typing by hand: "JBSW Y3DP EHPK 3PXP". */
export function groupSecret(secret: string): string[] {
  return secret.replace(/=+$/, '').match(/.{1,4}/g) ?? [];
}
