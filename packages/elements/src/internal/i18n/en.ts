/**
 * English messages, every section typed by its Vietnamese counterpart. Loaded on demand (see `lang.ts`):
 * a Vietnamese page never downloads it.
 */
import type { CommonMessages } from './vi/common.js';
import type { LookupMessages } from './vi/lookup.js';
import type { RatingMessages } from './vi/rating.js';
import { formatNumber } from './format.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const duration = (s: number) => (s < 60 ? plural(s, 'second') : plural(Math.ceil(s / 60), 'minute'));

export const common = {
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
} satisfies CommonMessages;

export const lookup = {
  title: 'Track a dossier',
  codeLabel: 'Dossier code',
  codeHint: 'Printed on your receipt, e.g. 000.00.20.H37-200217-0001',
  codeValid: 'The dossier code is well formed.',
  parts: { agency: 'agency code', date: 'date', sequence: 'sequence number' },
  reasons: {
    empty: () => 'Please enter a dossier code.',
    too_long: () => 'The dossier code is too long.',
    bad_characters: (p) => `The ${p ?? 'dossier code'} contains characters that are not allowed: use digits, letters, dots and dashes.`,
    missing_parts: (p) =>
      p == null
        ? 'A dossier code has 3 parts separated by dashes: agency code, date and sequence number.'
        : `The ${p} is missing.`,
    too_many_parts: () => 'A dossier code has only 3 parts, separated by 2 dashes.',
    bad_agency: () => 'The agency code (first part) must look like 000.00.20.H37.',
    bad_date: () => 'The date must be 6 digits: year, month, day (e.g. 200217).',
    impossible_date: () => 'The date part is not a real date.',
    future_date: () => 'The date part is in the future.',
    bad_sequence: () => 'The sequence number (last part) must be 4 digits (e.g. 0001).',
    zero_sequence: () => 'The sequence number cannot be 0000.',
  },
  verifyLabel: 'Last 4 digits of the applicant’s phone or ID number',
  verifyInvalid: 'Please enter exactly 4 digits.',
  submit: 'Search',
  scan: 'Scan QR code',
  scanFailed: 'No QR code could be read from the picture. Please try again or type the code.',
  searching: 'Searching…',
  badFormat: 'This dossier code is not in the right format. Please check it.',
  notFound: 'No dossier has this code. Please check the code on your receipt.',
  notFoundVerified: 'No dossier matches this code and these 4 digits. Please check both.',
  verificationRequired: 'Please enter the last 4 digits of the applicant’s phone or ID number to see this dossier.',
  found: (code: string, status: string) => `Dossier ${code} found: ${status}.`,
  code: 'Dossier code',
  nationalCode: 'National dossier code',
  procedure: 'Procedure',
  status: 'Status',
  received: 'Received',
  appointment: 'Due',
  finished: 'Processed',
  returned: 'Result returned',
  applicant: 'Applicant',
  office: 'Office',
  history: 'Processing history',
  historyEmpty: 'No processing step has been recorded yet.',
  timing: {
    early: (n) => `${plural(n, 'day')} early`,
    on_time: () => 'On time',
    late: (n) => `${plural(n, 'day')} late`,
    on_track: (n) => (n === 0 ? 'Due today' : `Due in ${plural(n, 'day')}`),
    overdue: (n) => `Overdue by ${plural(n, 'day')}`,
  },
  rate: 'Rate this service',
  rated: 'This dossier has already been rated. Thank you!',
} satisfies LookupMessages;

export const rating = {
  title: 'Rate our service',
  questionDossier: (code: string) => `How satisfied are you with how dossier ${code} was handled?`,
  questionOffice: 'How satisfied are you with this office’s service?',
  levels: { very_satisfied: 'Very satisfied', satisfied: 'Satisfied', dissatisfied: 'Dissatisfied' },
  comment: 'Comment',
  commentRequired: 'What went wrong?',
  counter: (n: number, max: number) => `${n}/${max} characters`,
  levelMissing: 'Please choose how satisfied you are.',
  commentMissing: 'Please tell us why you are dissatisfied.',
  detailed: 'Detailed evaluation (optional)',
  indicators: {
    total_time: 'Total processing time against the legal limit',
    agency_time: 'Time taken by each agency',
    contacts: 'Number of contacts needed to complete the dossier',
    agencies_contacted: 'Number of agencies contacted',
    one_stop: 'Filed and collected at the one-stop desk',
    published: 'The procedure was fully published',
    attitude: 'Officers’ attitude',
    online_ease: 'Ease of using the online service',
    overall: 'Overall satisfaction',
  },
  scores: ['Poor', 'Fair', 'Good'],
  honeypot: 'Leave this field empty',
  submit: 'Send rating',
  sending: 'Sending…',
  thanks: 'Thank you for your rating! It helps the office serve you better.',
  queued: 'Not sent yet: no connection. Your rating is saved on this device and will be sent automatically when you are back online.',
  queuedServer: 'Not sent yet: the service is having trouble. Your rating is saved on this device and will be sent again automatically.',
  exists: 'This dossier has already been rated: each dossier can be rated once. Thank you for caring!',
  notFound: 'The dossier to rate was not found. Please check the dossier code.',
  noTarget: 'This widget has no dossier or office to rate (the dossier or office attribute).',
  summaryTitle: 'Ratings so far',
  summaryTotal: (n: number) => `${formatNumber(n, 'en')} ${n === 1 ? 'rating' : 'ratings'}`,
  summaryNone: 'No ratings yet.',
  summaryError: 'The rating results could not be loaded.',
} satisfies RatingMessages;
