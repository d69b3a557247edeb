import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = ['--import', 'tsx', 'src/cli/docent.ts'];

function run(args: string[], environment: Record<string, string>) {
  return spawnSync(process.execPath, [...cli, ...args], {
    env: { ...process.env, ...environment },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('docent CLI', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'docent-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrate applies pending migrations once', () => {
    const first = run(['migrate'], { DATA_DIR: dataDir });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Applied: 0001-accounts');
    const second = run(['migrate'], { DATA_DIR: dataDir });
    expect(second.stdout).toContain('up to date');
  });

  it('create-admin creates an admin and refuses a duplicate', () => {
    const created = run(['create-admin', '--username', 'ops', '--email', 'ops@example.test', '--password', 'ops-password-1'], { DATA_DIR: dataDir });
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Created admin ops/);
    const again = run(['create-admin', '--username', 'ops', '--email', 'ops@example.test', '--password', 'ops-password-1'], { DATA_DIR: dataDir });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already registered/);
    const missing = run(['create-admin', '--username', 'x'], { DATA_DIR: dataDir, ADMIN_PASSWORD: '' });
    expect(missing.status).toBe(2);
  });

  it('rejects an unknown command with usage', () => {
    const result = run(['frobnicate'], { DATA_DIR: dataDir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: docent');
  });

  it('serve starts with no configuration, prints a one-time admin password, and stops on SIGTERM', async () => {
    const freshDir = mkdtempSync(join(tmpdir(), 'docent-serve-'));
    const server = spawn(process.execPath, [...cli, 'serve'], {
      env: { ...process.env, DATA_DIR: freshDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const address = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
        server.stdout.on('data', () => {
          const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const password = /password: (\S+)/.exec(output)?.[1];
      expect(password).toBeTruthy();
      expect(statSync(join(freshDir, 'secret-key')).mode & 0o777).toBe(0o600);

      const health = await fetch(`${address}/api/v1/health`);
      expect(health.status).toBe(200);
      const login = await fetch(`${address}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
      const { data } = (await login.json()) as { data: { user: { role: string } } };
      expect(data.user.role).toBe('admin');
      expect(output.split(password!).length - 1).toBe(1);

      const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      server.kill('SIGKILL');
      rmSync(freshDir, { recursive: true, force: true });
    }
  });
});
