import { lookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { classifyAddress, describeAddress } from './address-classification.js';
import { BlockedDestinationError } from './errors.js';

/**
 * A `net.connect` lookup that resolves a hostname and refuses it if any of its addresses is not
 * public. Checking inside the connection, instead of resolving ahead of time, is what defeats DNS
 * rebinding: the addresses checked are the ones the socket connects to. A name with one private
 * address among public ones is refused as a whole, since the socket may pick any of them.
 */
export const lookupPublicAddresses: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const blocked = addresses.map(({ address }) => classifyAddress(address)).find(({ isPublic }) => !isPublic);
    if (blocked) {
      const message = `${hostname} resolves to ${describeAddress(blocked)}, which is not a public address`;
      return callback(new BlockedDestinationError('non-public-address', message), '');
    }
    const [first] = addresses;
    if (options.all || !first) return callback(null, addresses);
    callback(null, first.address, first.family);
  });
};
