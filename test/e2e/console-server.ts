import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

export interface ConsoleServer {
  testApp: TestApp;
  /** http://127.0.0.1:<port>, where the console and the API answer. */
  origin: string;
  close(): Promise<void>;
}

/** The real app (SQLite, fresh data directory) listening on loopback for a browser to drive. */
export async function startConsoleServer(): Promise<ConsoleServer> {
  const testApp = await createTestApp('sqlite');
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return {
    testApp,
    origin: `http://127.0.0.1:${port}`,
    close: () => testApp.close(),
  };
}
