#!/usr/bin/env node
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { AccessTokens } from '../core/accounts/access-tokens.js';
import { AccountService } from '../core/accounts/account-service.js';
import { OutboxMailer } from '../core/mail/mailer.js';
import { startServer } from '../server.js';
import { Store } from '../storage/store.js';

const usage = `Usage: docent <command> [options]

Commands:
  serve                      Start the platform (default)
  migrate                    Apply pending database migrations and exit
  create-admin               Create an admin account
      --username <name>      (default: admin)
      --email <address>      (required)
      --password <password>  (default: $ADMIN_PASSWORD)

Configuration comes from environment variables; see README.md.`;

async function openStore() {
  const config = loadConfig();
  const store = await Store.open({
    databaseUrl: config.databaseUrl,
    sqlitePath: join(config.dataDir, 'docent.sqlite'),
    migrate: false,
  });
  return { config, store };
}

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case 'serve':
      await startServer();
      return -1;
    case 'migrate': {
      const { store } = await openStore();
      const applied = await store.migrate();
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date\n');
      await store.close();
      return 0;
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: { username: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' } },
      });
      const password = values.password ?? process.env.ADMIN_PASSWORD;
      if (!values.email || !password) {
        process.stderr.write('create-admin needs --email and --password (or ADMIN_PASSWORD)\n');
        return 2;
      }
      const { config, store } = await openStore();
      await store.migrate();
      const accounts = new AccountService(store, new AccessTokens(config.secretKey, 60), new OutboxMailer(store.outbox), {
        refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
        passwordResetTtlSeconds: config.passwordResetTtlSeconds,
        publicUrl: config.publicUrl,
        registrationOpen: true,
      });
      try {
        const user = await accounts.register(
          { username: values.username ?? 'admin', email: values.email, password },
          'admin',
        );
        process.stdout.write(`Created admin ${user.username} (${user.id})\n`);
        return 0;
      } catch (error) {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        return 1;
      } finally {
        await store.close();
      }
    }
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(usage + '\n');
      return 0;
    default:
      process.stderr.write(`Unknown command "${command}"\n\n${usage}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
