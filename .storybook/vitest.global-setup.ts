/**
 * Vitest global setup of the story tests: the reference API on the port vitest.config.ts chose. When the tests
 * are started from a running Storybook (its test panel), that Storybook's API is already there: use it.
 */
import { API_ENV, startStoriesApi } from './reference-api.ts';

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env[API_ENV];
  if (!url) throw new Error(`${API_ENV} is not set: run the story tests through vitest.config.ts`);
  if (await answers(url)) return async () => {};
  const api = await startStoriesApi(Number(new URL(url).port));
  return () => api.stop();
}
