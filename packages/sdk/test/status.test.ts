import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DOSSIER_STATUSES,
  canRate,
  isDossierStatus,
  isOpen,
  isReceptionDecision,
  isReturned,
  isSettled,
  statusGroup,
  statusLabel,
  type DossierStatus,
} from '../src/status.js';

test('DOSSIER_STATUSES lists 1..10 in order', () => {
  assert.deepEqual([...DOSSIER_STATUSES], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test('isDossierStatus accepts integers 1..10 only', () => {
  for (const s of DOSSIER_STATUSES) assert.equal(isDossierStatus(s), true);
  for (const v of [0, 11, -1, 1.5, Number.NaN, '1', null, undefined, {}]) assert.equal(isDossierStatus(v), false, String(v));
});

test('statusLabel: exact Vietnamese labels (default locale)', () => {
  const vi = DOSSIER_STATUSES.map((s) => statusLabel(s));
  assert.deepEqual(vi, [
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
  ]);
  for (const label of vi) assert.equal(label, label.normalize('NFC'), 'labels are NFC');
  assert.equal(statusLabel(4, 'vi'), 'Đang xử lý');
});

test('statusLabel: English labels', () => {
  assert.deepEqual(
    DOSSIER_STATUSES.map((s) => statusLabel(s, 'en')),
    [
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
  );
});

test('statusLabel / statusGroup throw RangeError outside 1..10', () => {
  assert.throws(() => statusLabel(11 as DossierStatus), RangeError);
  assert.throws(() => statusGroup(0 as DossierStatus), RangeError);
});

test('statusGroup', () => {
  assert.deepEqual(
    DOSSIER_STATUSES.map((s) => statusGroup(s)),
    ['submitted', 'in_progress', 'closed', 'in_progress', 'paused', 'paused', 'closed', 'paused', 'done', 'done'],
  );
});

test('isSettled: 9 and 10 only', () => {
  assert.deepEqual(DOSSIER_STATUSES.filter(isSettled), [9, 10]);
});

test('isReturned: 10 only', () => {
  assert.deepEqual(DOSSIER_STATUSES.filter(isReturned), [10]);
});

test('isOpen: the agency holds the dossier (1, 2, 4, 5, 6); every other status closes it', () => {
  assert.deepEqual(DOSSIER_STATUSES.filter(isOpen), [1, 2, 4, 5, 6]);
  for (const s of DOSSIER_STATUSES.filter(isSettled)) assert.equal(isOpen(s), false, `settled ${s} is not open`);
});

test('isReceptionDecision: accepted or not accepted (2, 3)', () => {
  assert.deepEqual(DOSSIER_STATUSES.filter(isReceptionDecision), [2, 3]);
});

test('canRate: settled or closed (3, 7, 9, 10)', () => {
  assert.deepEqual(DOSSIER_STATUSES.filter(canRate), [3, 7, 9, 10]);
});
