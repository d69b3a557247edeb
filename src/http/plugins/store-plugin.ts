import { join } from 'node:path';
import fp from 'fastify-plugin';
import { Store } from '../../storage/store.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
  }
}

/** Opens the database (SQLite in DATA_DIR, or PostgreSQL at DATABASE_URL) and migrates it. */
export default fp(
  async (app) => {
    const store = await Store.open({
      databaseUrl: app.config.databaseUrl,
      sqlitePath: join(app.config.dataDir, 'docent.sqlite'),
    });
    app.decorate('store', store);
    app.addHook('onClose', () => store.close());
  },
  { name: 'store', dependencies: ['config'] },
);
