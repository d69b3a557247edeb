import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const repository = fileURLToPath(new URL('../..', import.meta.url));

// The console is bundled by vite, which strips types without checking them, and the root
// tsconfig covers only the server; this holds the browser code to the same strict checks.
test('the web console type-checks under its own DOM tsconfig', () => {
  const check = () =>
    execFileSync('node_modules/.bin/tsc', ['-p', 'web/console/tsconfig.json'], { cwd: repository, encoding: 'utf8' });
  expect(check).not.toThrow();
});
