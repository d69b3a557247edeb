import { describe, expect, it } from 'vitest';
import { PrivateHostAllowList } from '../../src/net/private-host-allow-list.js';

describe('PrivateHostAllowList', () => {
  it('allows a bare host on every port and a host:port entry on that port only', () => {
    const allowList = new PrivateHostAllowList(['ollama.internal', 'localhost:11434', '127.0.0.1:8080']);
    expect(allowList.allows('ollama.internal', 80)).toBe(true);
    expect(allowList.allows('ollama.internal', 11434)).toBe(true);
    expect(allowList.allows('localhost', 11434)).toBe(true);
    expect(allowList.allows('localhost', 11435)).toBe(false);
    expect(allowList.allows('127.0.0.1', 8080)).toBe(true);
    expect(allowList.allows('127.0.0.1', 80)).toBe(false);
    expect(allowList.allows('10.0.0.1', 8080)).toBe(false);
  });

  it('reads IPv6 entries with or without brackets and compares them as undici connects', () => {
    const allowList = new PrivateHostAllowList(['[::1]:8080', 'fd00::0:1', '[FE80::1]']);
    expect(allowList.allows('::1', 8080)).toBe(true);
    expect(allowList.allows('::1', 8081)).toBe(false);
    expect(allowList.allows('fd00::1', 443)).toBe(true);
    expect(allowList.allows('fe80::1', 80)).toBe(true);
  });

  it('spells hosts as the URL parser does, so odd IPv4 spellings name the same host', () => {
    const allowList = new PrivateHostAllowList(['0x7f.1:3000', 'Internal.Example.:9000']);
    expect(allowList.allows('127.0.0.1', 3000)).toBe(true);
    expect(allowList.allows('internal.example.', 9000)).toBe(true);
    expect(allowList.allows('internal.example', 9000)).toBe(false);
  });

  it.each(['localhost:', 'localhost:0', 'localhost:70000', 'host:port', 'a:1:2', '[::1', 'http://localhost', 'exa mple'])(
    'throws on the malformed entry %j',
    (entry) => {
      expect(() => new PrivateHostAllowList([entry])).toThrow(/not a host or host:port/);
    },
  );
});
