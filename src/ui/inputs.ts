/** A number input's value rounded to a whole number, or null while it is empty or not a number. */
export function wholeNumber(event: Event): number | null {
  const value = (event.currentTarget as HTMLInputElement).valueAsNumber;
  return Number.isFinite(value) ? Math.round(value) : null;
}
