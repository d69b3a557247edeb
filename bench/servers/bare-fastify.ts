import Fastify from 'fastify';

// The baseline: Fastify with no plugins, answering a constant JSON body.
const app = Fastify({ logger: false });
app.get('/', async () => ({ status: 'success', data: { status: 'ok' } }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : ''}\n`);
