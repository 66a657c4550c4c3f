import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');

/** Every module a file names: static imports and re-exports (over several lines too), side-effect imports, dynamic imports. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:^|[\s;}])(?:import|export)\s[^;'"]*?\sfrom\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of source.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of source.matchAll(/import\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Each import of the files under `dir`, as a path under src/ (relative ones) or a package name. */
function importsUnder(dir: string): Array<{ file: string; target: string }> {
  return filesUnder(join(SRC, dir)).flatMap((file) =>
    importsOf(readFileSync(file, 'utf8')).map((spec) => ({
      file: relative(ROOT, file),
      target: spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)).replaceAll('\\', '/') : `package:${spec}`,
    })),
  );
}

describe('import scanner', () => {
  it('finds imports written over several lines, type-only, side-effect and dynamic ones', () => {
    const source = [
      "import type { A } from '../engine/events';",
      'import {\n  b,\n  c,\n} from "../nn/train";',
      "export { d } from './d';",
      "export type * from './e';",
      "import '../data/side-effect';",
      "const f = await import('../worker/search.worker');",
      "  import { g } from '../contracts/g';",
      "const text = 'import nothing from here';",
    ].join('\n');
    expect(importsOf(source)).toEqual(['../engine/events', '../nn/train', './d', './e', '../contracts/g', '../data/side-effect', '../worker/search.worker']);
  });
});

describe('the page never imports the engine, nn or data code', () => {
  const page = [...importsUnder('ui'), ...importsUnder('state')];

  it('finds every `from` clause of every page file (the scan misses none)', () => {
    for (const file of [...filesUnder(join(SRC, 'ui')), ...filesUnder(join(SRC, 'state'))]) {
      const source = readFileSync(file, 'utf8');
      expect(importsOf(source).length, relative(ROOT, file)).toBeGreaterThanOrEqual(source.match(/\bfrom\s*['"][^'"]+['"]/g)?.length ?? 0);
    }
    expect(page.some((i) => i.target.startsWith('contracts/'))).toBe(true);
  });

  it('imports nothing from src/engine, src/nn or src/data, from src/worker only the client factory, and no tfjs', () => {
    const forbidden = page.filter(
      ({ target }) =>
        /^(engine|nn|data|cli)(\/|$)/.test(target) || (target.startsWith('worker/') && target !== 'worker/client') || target.startsWith('package:@tensorflow/'),
    );
    expect(forbidden).toEqual([]);
  });
});

/** The file a relative import names, as the bundler resolves it. */
function resolveFile(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  const found = [base, `${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f) && statSync(f).isFile());
  if (!found) throw new Error(`${relative(ROOT, from)} imports ${spec}, which resolves to no file`);
  return found;
}

/** Every file of ours the page bundle loads, from its entry, and every package they import. */
function pageClosure(): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    if (!/\.(ts|svelte)$/.test(file)) return;
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) visit(resolveFile(file, spec));
      else packages.add(spec);
    }
  };
  visit(join(SRC, 'main.ts'));
  return { files: [...files].map((f) => relative(SRC, f).replaceAll('\\', '/')), packages: [...packages] };
}

describe('the page bundle', () => {
  it('loads, through any chain of imports, no engine, nn or data module, no worker module but the client, and no tfjs', () => {
    const { files, packages } = pageClosure();
    expect(files).toContain('state/session.svelte.ts');
    expect(files).toContain('worker/client.ts');
    expect(
      files.filter((f) => /^(engine|nn|data|cli)\//.test(f) || (f.startsWith('worker/') && !['worker/client.ts', 'worker/errors-transfer.ts'].includes(f))),
    ).toEqual([]);
    expect(packages.filter((p) => p.startsWith('@tensorflow/'))).toEqual([]);
  });
});

describe('the contracts', () => {
  it('import only core and each other: no tfjs, no engine, nn, data or worker code, no package at all', () => {
    const imports = importsUnder('contracts');
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter(({ target }) => !/^(contracts|core)\//.test(target))).toEqual([]);
  });
});
