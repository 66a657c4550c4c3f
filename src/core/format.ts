/** 1234 → "1.2 k", 2_500_000 → "2.50 M": parameter and FLOP counts for people. */
export function compactNumber(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} k`;
  return String(n);
}

/** 15625 → "15 625", 5.6e9 → "5.6 × 10⁹": sizes of search spaces. */
export function spaceSize(n: number): string {
  if (n < 1e6) return Math.round(n).toLocaleString('en-US').replace(/,/g, ' ');
  const exponent = Math.floor(Math.log10(n));
  const mantissa = n / 10 ** exponent;
  const superscript = String(exponent).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
  return `${mantissa.toFixed(1)} × 10${superscript}`;
}

/** A value from outside (a link, a file, a flag) cut short for a message, so hostile input cannot flood a screen or a log. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
