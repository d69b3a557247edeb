import fp from 'fastify-plugin';
import { AccessTokens } from '../../core/accounts/access-tokens.js';
import { AccountService } from '../../core/accounts/account-service.js';
import { ApiKeyService } from '../../core/accounts/api-key-service.js';
import { UserAdminService } from '../../core/accounts/user-admin-service.js';
import { OutboxMailer, SmtpMailer, type Mailer } from '../../core/mail/mailer.js';

export interface Services {
  accounts: AccountService;
  apiKeys: ApiKeyService;
  userAdmin: UserAdminService;
  mailer: Mailer;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

/** Builds the domain services once, over the store; every API surface uses these same instances. */
export default fp(
  async (app) => {
    const { config, store } = app;
    const mailer = config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new OutboxMailer(store.outbox);
    const accessTokens = new AccessTokens(config.secretKey, config.accessTokenTtlSeconds);
    app.decorate('services', {
      accounts: new AccountService(store, accessTokens, mailer, {
        refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
        passwordResetTtlSeconds: config.passwordResetTtlSeconds,
        publicUrl: config.publicUrl,
        registrationOpen: config.registrationOpen,
      }),
      apiKeys: new ApiKeyService(store),
      userAdmin: new UserAdminService(store),
      mailer,
    });
  },
  { name: 'services', dependencies: ['config', 'store'] },
);
