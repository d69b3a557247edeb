import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  port: number;
  /** Base URL, e.g. `http://127.0.0.1:43123`. */
  url: string;
  /** TCP connections accepted so far: unchanged when the client refused before connecting. */
  connections(): number;
  close(): Promise<void>;
}

/** A real HTTP server on a loopback address and a free port, for the guarded client to (not) reach. */
export async function startLoopbackServer(handler: RequestListener, host = '127.0.0.1'): Promise<LoopbackServer> {
  const server = createServer(handler);
  let connections = 0;
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    connections: () => connections,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
