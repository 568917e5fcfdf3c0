import { createClient, type Client } from '@motcua/sdk';

/** The SDK client the widgets use. */
export type MotcuaClient = Client;

const clients = new Map<string, MotcuaClient>();

/**
 * One shared SDK client per API base URL, so every widget on a page shares its HTTP cache (ETags of
 * catalogue responses) instead of each opening its own.
 */
export function clientFor(baseUrl: string): MotcuaClient {
  const key = baseUrl.replace(/\/+$/, '');
  let client = clients.get(key);
  if (!client) {
    client = createClient({ baseUrl: key });
    clients.set(key, client);
  }
  return client;
}
