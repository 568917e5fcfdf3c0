/** English messages shared by every widget, typed by the Vietnamese ones; loaded only for an English page. */
import type { CommonMessages } from './common.js';

/** `1 day`, `2 days`: English plurals for the catalogues. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const duration = (s: number) => (s < 60 ? plural(s, 'second') : plural(Math.ceil(s / 60), 'minute'));

export const en: CommonMessages = {
  retry: 'Try again',
  required: '(required)',
  errors: {
    offline: 'Could not reach the server. Please check your connection and try again.',
    offlineBrowser: 'Your device is offline. Please try again when you are back online.',
    timeout: 'The server took too long to answer. Please try again.',
    server: 'The service is having a problem. Please try again in a few minutes.',
    config: 'This widget has no server address configured (the api attribute).',
    invalid: 'The request was not accepted. Please check what you entered.',
    rateLimited: (seconds: number | null) =>
      seconds == null
        ? 'Too many requests. Please wait a moment and try again.'
        : `Too many requests. Please try again in ${duration(seconds)}.`,
  },
};
