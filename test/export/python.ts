import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Python with python3-torch and python3-numpy: the runtime the PyTorch exports are checked with. */
export const PYTHON = '/usr/bin/python3';

/** Fails (never skips) when torch is missing, with the one command that installs it; .ci/run installs it in CI. */
export function requireTorch(): void {
  const ok =
    existsSync(PYTHON) &&
    (() => {
      try {
        execFileSync(PYTHON, ['-c', 'import torch, numpy'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();
  if (!ok) throw new Error('These tests run the exported PyTorch code with Debian’s torch: apt-get install -y python3-torch python3-numpy');
}

export function runPython(args: string[], cwd: string, timeout = 600_000): string {
  return execFileSync(PYTHON, args, { cwd, encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });
}
