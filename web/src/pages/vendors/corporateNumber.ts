// 法人番号 on the page: 13 digits whose first is the check digit of the other twelve (as the server checks
// it, src/vendors/corporate_number.cpp), so a mistyped number is caught before sending.

/** The check digit of a 12-digit base: 9 − (Σ Pn × Qn mod 9), Pn counted from the lowest, Qn 1 odd / 2 even. */
export function corporateCheckDigit(base: string): number | null {
  if (!/^[0-9]{12}$/.test(base)) return null;
  let sum = 0;
  for (let n = 1; n <= 12; n += 1) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return 9 - (sum % 9);
}

/** Full-width digits and spaces or hyphens as people type them, folded to 13 ASCII digits when possible. */
export function normaliseCorporateNumber(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[\s\-－‐]/g, '');
}

/** null when the number is right (or empty); else which rule it breaks. */
export function corporateNumberProblem(text: string): 'digits' | 'check' | null {
  const number = normaliseCorporateNumber(text);
  if (number === '') return null;
  if (!/^[0-9]{13}$/.test(number)) return 'digits';
  return corporateCheckDigit(number.slice(1)) === Number(number[0]) ? null : 'check';
}
