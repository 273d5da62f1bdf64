import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A file a bench needs and the Debian package that provides it. */
export interface DebianRequirement {
  path: string;
  pkg: string;
}

/**
 * Makes sure the files benches depend on exist. Missing packages are installed
 * with apt-get when running as root; otherwise this throws with the exact
 * command to run, because a bench must not quietly measure nothing.
 */
export function ensureDebianPackages(requirements: readonly DebianRequirement[]): void {
  const missing = () => requirements.filter((requirement) => !existsSync(requirement.path));
  const packages = [...new Set(missing().map((requirement) => requirement.pkg))];
  if (packages.length === 0) return;
  const command = `apt-get install -y ${packages.join(' ')}`;
  if (process.getuid?.() !== 0)
    throw new Error(`missing Debian packages ${packages.join(', ')}; install with: sudo ${command}`);
  console.log(`installing ${packages.join(', ')} with apt-get...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  const still = missing();
  if (still.length > 0)
    throw new Error(`still missing after ${command}: ${still.map((requirement) => requirement.path).join(', ')}`);
}
