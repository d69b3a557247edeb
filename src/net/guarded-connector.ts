import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { classifyAddress, describeAddress } from './address-classification.js';
import { BlockedDestinationError } from './errors.js';
import type { PrivateHostAllowList } from './private-host-allow-list.js';
import { lookupPublicAddresses } from './public-address-lookup.js';

/**
 * The undici connector every guarded connection is opened through: the one place that decides
 * which addresses server-side requests reach. Hosts on the operator's allow-list connect as usual;
 * IP literals (for which `net.connect` skips the lookup) must be public; names connect only when
 * every address they resolve to is public.
 */
export function createGuardedConnector(allowList: PrivateHostAllowList): buildConnector.connector {
  const connectToPublicAddresses = buildConnector({ lookup: lookupPublicAddresses });
  const connectToAllowedHost = buildConnector({});
  return (options, callback) => {
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
    if (allowList.allows(options.hostname, port)) return connectToAllowedHost(options, callback);
    if (isIP(options.hostname) !== 0) {
      const classification = classifyAddress(options.hostname);
      if (!classification.isPublic) {
        const message = `${describeAddress(classification)} is not a public address`;
        return callback(new BlockedDestinationError('non-public-address', message), null);
      }
    }
    connectToPublicAddresses(options, callback);
  };
}
