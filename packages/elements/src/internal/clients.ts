import { createTransport, type Transport } from '@motcua/sdk';

const transports = new Map<string, Transport>();

/**
 * One shared SDK transport per API base URL, so every widget on a page shares its HTTP cache (ETags of
 * catalogue responses) instead of each opening its own. A widget calls its resources through it
 * (`dossiersApi(transport).get(…)`), so its page bundles only those resources' schemas.
 */
export function transportFor(baseUrl: string): Transport {
  const key = baseUrl.replace(/\/+$/, '');
  let transport = transports.get(key);
  if (!transport) {
    transport = createTransport({ baseUrl: key });
    transports.set(key, transport);
  }
  return transport;
}
