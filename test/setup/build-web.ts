import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = fileURLToPath(new URL('../..', import.meta.url));

/** The newest modification time of any file under `directory` (0 when it does not exist). */
function newestChange(directory: string): number {
  if (!existsSync(directory)) return 0;
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Vitest global setup: builds each web app (web/<app>/vite.config.ts into dist/web/<app>) when
 * its build is missing or older than its sources, so browser tests always drive current assets
 * and runs with nothing changed pay nothing.
 */
export default function buildWebApps(): void {
  const webRoot = join(repository, 'web');
  if (!existsSync(webRoot)) return;
  const vite = join(repository, 'node_modules', 'vite', 'bin', 'vite.js');
  for (const app of readdirSync(webRoot)) {
    const configFile = join(webRoot, app, 'vite.config.ts');
    if (!existsSync(configFile)) continue;
    if (newestChange(join(repository, 'dist', 'web', app)) >= newestChange(join(webRoot, app))) continue;
    execFileSync(process.execPath, [vite, 'build', '--config', configFile, '--logLevel', 'warn'], {
      cwd: repository,
      stdio: 'inherit',
    });
  }
}
