/** English messages of `<motcua-dossier-lookup>`, typed by the Vietnamese catalogue. */
import { plural } from '../internal/i18n/common.en.js';
import type { LookupMessages } from './messages.js';

export const en: LookupMessages = {
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
};
