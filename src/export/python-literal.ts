/** Plain data (JSON values) as a Python literal: None, True and False where JSON has null, true and false. */
export function pythonLiteral(value: unknown, indent = 0): string {
  const pad = ' '.repeat(indent + 4);
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const parts = value.map((v) => pythonLiteral(v, indent + 4));
    const flat = `[${parts.join(', ')}]`;
    return flat.length <= 100 && !flat.includes('\n') ? flat : `[\n${parts.map((p) => pad + p).join(',\n')},\n${' '.repeat(indent)}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${pythonLiteral(v, indent + 4)}`);
  const flat = `{${entries.join(', ')}}`;
  return flat.length <= 100 && !flat.includes('\n') ? flat : `{\n${entries.map((e) => pad + e).join(',\n')},\n${' '.repeat(indent)}}`;
}
