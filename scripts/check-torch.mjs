// The test suite runs the exported PyTorch code with Debian's python3-torch (CI installs it through
// .ci/run). Without it the suite stops here, at once, with the one command that installs it.
import { execFileSync } from 'node:child_process';

try {
  execFileSync('/usr/bin/python3', ['-c', 'import torch, numpy'], { stdio: 'ignore' });
} catch {
  process.stderr.write('npm test needs Debian’s PyTorch for the export tests. Install it with:\n\n  apt-get install -y python3-torch python3-numpy\n\n');
  process.exit(1);
}
