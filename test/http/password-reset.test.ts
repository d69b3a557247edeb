import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

function tokenFrom(mailBody: string): string {
  const match = /Reset token: (\S+)/.exec(mailBody);
  if (!match?.[1]) throw new Error(`no token in mail: ${mailBody}`);
  return match[1];
}

describe.each(backends)('password reset with the outbox on %s', (backend) => {
  let t: TestApp;
  let adminToken: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    adminToken = await t.loginAdmin();
  });
  afterAll(() => t.close());

  async function outbox() {
    const response = await t.request('GET', '/api/v1/admin/outbox', { token: adminToken });
    expect(response.status).toBe(200);
    return response.body.data as { recipient: string; subject: string; body: string }[];
  }

  it('answers the same for a known and an unknown email, and mails only the known one', async () => {
    await t.signUp('forgetful');
    const known = await t.request('POST', '/api/v1/auth/password-reset-request', { body: { email: 'forgetful@example.test' } });
    const unknown = await t.request('POST', '/api/v1/auth/password-reset-request', { body: { email: 'nobody@example.test' } });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual(known.body);
    const mails = await outbox();
    expect(mails.map((mail) => mail.recipient)).toEqual(['forgetful@example.test']);
    expect(mails[0]!.body).toContain('/reset-password?token=');
  });

  it('resets the password once, ends every session and the old password', async () => {
    const user = await t.signUp('resetter');
    await t.request('POST', '/api/v1/auth/password-reset-request', { body: { email: 'resetter@example.test' } });
    const mail = (await outbox()).find((entry) => entry.recipient === 'resetter@example.test')!;
    const token = tokenFrom(mail.body);

    const reset = await t.request('POST', '/api/v1/auth/password-reset', { body: { token, password: 'a-new-password' } });
    expect(reset.status).toBe(200);
    expect((await t.request('GET', '/api/v1/auth/me', { token: user.accessToken })).status).toBe(401);
    expect((await t.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: user.refreshToken } })).status).toBe(401);
    const oldPassword = await t.request('POST', '/api/v1/auth/login', { body: { username: 'resetter', password: 'resetter-password' } });
    expect(oldPassword.status).toBe(401);
    const newPassword = await t.request('POST', '/api/v1/auth/login', { body: { username: 'resetter', password: 'a-new-password' } });
    expect(newPassword.status).toBe(200);

    const reuse = await t.request('POST', '/api/v1/auth/password-reset', { body: { token, password: 'yet-another-one' } });
    expect(reuse.status).toBe(400);
    expect(reuse.body.code).toBe('VALIDATION_ERROR');
  });

  it('refuses an expired token and a made-up one', async () => {
    const expiring = await createTestApp(backend, { PASSWORD_RESET_TTL_SECONDS: '0' });
    try {
      await expiring.signUp('slowpoke');
      await expiring.request('POST', '/api/v1/auth/password-reset-request', { body: { email: 'slowpoke@example.test' } });
      const mails = await expiring.request('GET', '/api/v1/admin/outbox', { token: await expiring.loginAdmin() });
      const token = tokenFrom(mails.body.data[0].body);
      const expired = await expiring.request('POST', '/api/v1/auth/password-reset', { body: { token, password: 'too-late-now' } });
      expect(expired.status).toBe(400);
      expect(expired.body.message).toMatch(/invalid or expired/i);
    } finally {
      await expiring.close();
    }
    const madeUp = await t.request('POST', '/api/v1/auth/password-reset', { body: { token: 'made-up', password: 'whatever-123' } });
    expect(madeUp.status).toBe(400);
    expect(madeUp.body.message).toMatch(/invalid or expired/i);
  });

  it('validates input', async () => {
    expect((await t.request('POST', '/api/v1/auth/password-reset-request', { body: { email: 'not an email' } })).status).toBe(400);
    expect((await t.request('POST', '/api/v1/auth/password-reset', { body: { token: 'x', password: 'short' } })).status).toBe(400);
  });
});

describe('password reset over SMTP', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const received: { to: string; data: string }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((address) => address.address).join(','), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await createTestApp('sqlite', { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Docent <docent@example.test>' });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  it('delivers the reset mail to a real SMTP server, and the token in it works', async () => {
    await t.signUp('mailer');
    const response = await t.request('POST', '/api/v1/auth/password-reset-request', { body: { email: 'mailer@example.test' } });
    expect(response.status).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toBe('mailer@example.test');
    expect(received[0]!.data).toContain('Subject: Reset your Docent password');
    const token = tokenFrom(received[0]!.data.replace(/=\r?\n/g, ''));
    const reset = await t.request('POST', '/api/v1/auth/password-reset', { body: { token, password: 'mailed-password' } });
    expect(reset.status).toBe(200);
    const outbox = await t.app.store.outbox.list({ page: 1, limit: 10 });
    expect(outbox.total).toBe(0);
  });
});
