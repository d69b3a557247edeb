import { isIPv6 } from 'node:net';

interface AllowedHost {
  hostname: string;
  /** Undefined allows every port. */
  port: number | undefined;
}

/**
 * The hosts an operator lets server-side requests reach although they resolve to loopback or
 * private addresses (ALLOWED_PRIVATE_HOSTS), e.g. a local Ollama at `localhost:11434`.
 * An entry `host` allows every port of that host, `host:port` only that port. Hosts are compared
 * as the URL parser spells them, so `[::1]:8080` matches `http://[::1]:8080/` and nothing else.
 */
export class PrivateHostAllowList {
  private readonly hosts: AllowedHost[];

  /** Throws on an entry that is not `host` or `host:port`, so a typo fails at startup. */
  constructor(entries: readonly string[]) {
    this.hosts = entries.map(parseEntry);
  }

  /** `hostname` as undici connects to it: lower-case, IPv6 without brackets. */
  allows(hostname: string, port: number): boolean {
    return this.hosts.some((host) => host.hostname === hostname && (host.port === undefined || host.port === port));
  }
}

function parseEntry(entry: string): AllowedHost {
  const trimmed = entry.trim().toLowerCase();
  if (isIPv6(trimmed)) return { hostname: canonicalHostname(trimmed, entry), port: undefined };
  const match = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(trimmed);
  const port = match?.[2] === undefined ? undefined : Number(match[2]);
  if (!match?.[1] || (port !== undefined && (port < 1 || port > 65535))) throw invalidEntry(entry);
  return { hostname: canonicalHostname(match[1], entry), port };
}

/** The hostname the URL parser produces, so `0x7f.1` and `127.0.0.1` are one entry. */
function canonicalHostname(host: string, entry: string): string {
  const bracketed = isIPv6(host) ? `[${host}]` : host;
  try {
    return new URL(`http://${bracketed}/`).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    throw invalidEntry(entry);
  }
}

function invalidEntry(entry: string): Error {
  return new Error(`Allowed private host "${entry}" is not a host or host:port`);
}
