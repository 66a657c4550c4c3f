// The Debian packages the tests need, checked before anything runs. As root they are installed
// through apt; otherwise the run stops at once with the one command to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const has = {
  chromium: () => existsSync('/usr/bin/chromium'),
  // Node's WebGPU test uses the SwiftShader Vulkan driver that Chromium ships; it needs the loader.
  libvulkan1: () => /libvulkan\.so\.1/.test(spawnSync('ldconfig', ['-p'], { encoding: 'utf8' }).stdout ?? ''),
  // The export tests run the generated PyTorch code with Debian's PyTorch and NumPy.
  'python3-torch': () => spawnSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore' }).status === 0,
  'python3-numpy': () => spawnSync('/usr/bin/python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0,
};

const missing = Object.entries(has)
  .filter(([, present]) => !present())
  .map(([name]) => name);
if (missing.length === 0) process.exit(0);

const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
if (process.getuid?.() !== 0) {
  console.error(`The tests need Debian packages that are missing: ${missing.join(', ')}.\nRun: sudo ${command}`);
  process.exit(1);
}
console.error(`Installing the Debian packages the tests need: ${missing.join(', ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
