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

/** 1000 → "1 k", 25_000 → "25 k", 2_500_000 → "2.5 M": axis ticks, where trailing zeros are noise. */
export function tickNumber(n: number): string {
  const [scale, unit] = n >= 1e9 ? [1e9, ' G'] : n >= 1e6 ? [1e6, ' M'] : n >= 1e3 ? [1e3, ' k'] : [1, ''];
  return `${Number((n / scale).toPrecision(3))}${unit}`;
}

/** Seconds for people: "40 ms", "1.4 s", "12 s", "3 min 5 s", "1 h 20 min". */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 1) return `${Math.max(1, Math.round(seconds * 1000))} ms`;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = Math.round(seconds - minutes * 60);
    return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** An estimate, rounded as far as it deserves: "about 20 s", "about 3 min", "under a second". */
export function roughDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  if (seconds < 1) return 'under a second';
  if (seconds < 60) return `about ${seconds < 10 ? Math.max(1, Math.round(seconds)) : Math.round(seconds / 5) * 5} s`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min`;
  return `about ${(seconds / 3600).toFixed(1)} h`;
}

/** 0.8421 → "84.2%": accuracies, one decimal everywhere (two where a benchmark's figures need them). */
export function percent(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(digits)}%` : '—';
}
