/**
 * Dossier status codes 1–10 as defined by the national public service portal (Cổng Dịch vụ công quốc gia).
 * "Overdue" is deliberately not a status: it is derived from dates (see `timing.ts`).
 */

/** All national dossier status codes, in order. */
export const DOSSIER_STATUSES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** A national dossier status code. */
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** Coarse grouping used for filters, colours and statistics. */
export type DossierStatusGroup = 'submitted' | 'in_progress' | 'paused' | 'done' | 'closed';

export type StatusLocale = 'vi' | 'en';

const LABELS: Record<StatusLocale, readonly string[]> = {
  vi: [
    'Mới đăng ký',
    'Được tiếp nhận',
    'Không được tiếp nhận',
    'Đang xử lý',
    'Yêu cầu bổ sung giấy tờ',
    'Yêu cầu thực hiện nghĩa vụ tài chính',
    'Công dân yêu cầu rút hồ sơ',
    'Dừng xử lý',
    'Đã xử lý xong',
    'Đã trả kết quả',
  ],
  en: [
    'Submitted',
    'Accepted',
    'Not accepted',
    'In progress',
    'Additional documents requested',
    'Payment of fees requested',
    'Withdrawn at the applicant’s request',
    'Processing stopped',
    'Processed, result ready',
    'Result returned',
  ],
};

const GROUPS: readonly DossierStatusGroup[] = [
  'submitted', // 1
  'in_progress', // 2
  'closed', // 3
  'in_progress', // 4
  'paused', // 5
  'paused', // 6
  'closed', // 7
  'paused', // 8
  'done', // 9
  'done', // 10
];

/** True when `value` is one of the national status codes 1–10 (an integer, not a numeric string). */
export function isDossierStatus(value: unknown): value is DossierStatus {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10;
}

function index(status: DossierStatus): number {
  if (!isDossierStatus(status)) throw new RangeError(`Unknown dossier status: ${String(status)}`);
  return status - 1;
}

/**
 * Human label of a status, Vietnamese (official wording) by default or English.
 * Throws `RangeError` for a value outside 1–10.
 */
export function statusLabel(status: DossierStatus, locale: StatusLocale = 'vi'): string {
  return (LABELS[locale] ?? LABELS.vi)[index(status)]!;
}

/**
 * Group of a status: 1 submitted; 2, 4 in_progress; 5, 6, 8 paused; 9, 10 done; 3, 7 closed.
 * Throws `RangeError` for a value outside 1–10.
 */
export function statusGroup(status: DossierStatus): DossierStatusGroup {
  return GROUPS[index(status)]!;
}

/** True when the dossier has been settled (9 processed, 10 result returned): it counts in on-time statistics. */
export function isSettled(status: DossierStatus): boolean {
  return status === 9 || status === 10;
}

/** True once the result has been handed to the applicant (10). */
export function isReturned(status: DossierStatus): boolean {
  return status === 10;
}

/**
 * True while the agency holds the dossier and owes an answer: submitted (1), accepted (2), in progress (4),
 * waiting for documents (5) or for payment (6). Such a dossier counts as open in statistics and can become
 * overdue; any other status closes it: refused (3), withdrawn (7), stopped (8), settled (9, 10). A dossier
 * that goes back to an open status is being processed again, so its finish and return dates no longer hold.
 */
export function isOpen(status: DossierStatus): boolean {
  return status === 1 || status === 2 || (status >= 4 && status <= 6);
}

/**
 * True for the desk's decision on a submission: accepted (2) or not accepted (3). The first such event is
 * when the dossier was received.
 */
export function isReceptionDecision(status: DossierStatus): boolean {
  return status === 2 || status === 3;
}

/**
 * Whether the citizen may rate the service for a dossier in this status: once it is settled (9, 10) or
 * closed without a result (3 refused, 7 withdrawn). A refusal or a withdrawal is still a finished contact
 * with the one-stop desk and is exactly where dissatisfaction must be heard; 8 (stopped) is not included
 * because processing may resume.
 */
export function canRate(status: DossierStatus): boolean {
  return status === 3 || status === 7 || status === 9 || status === 10;
}
