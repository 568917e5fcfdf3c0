/**
 * Deterministic demonstration ratings on the national 3-level scale, for dossiers the citizen may rate.
 */
import { canRate, RATING_INDICATORS, statusGroup, type RatingIndicator, type RatingLevel } from '@motcua/sdk';
import type { Rng } from './random.js';
import type { StoredDossier, StoredRating } from '../db/types.js';

export interface GenerateRatingsOptions {
  /** Share of rateable dossiers that get a rating. Default 0.3. */
  share?: number;
  /** Share of rated dossiers whose applicant also gives the office a one-click rating. Default 0.1. */
  officeShare?: number;
}

const DISSATISFIED_COMMENTS = [
  'Phải đi lại nhiều lần mới hoàn thành hồ sơ.',
  'Thời gian chờ tại quầy quá lâu.',
  'Cán bộ hướng dẫn chưa rõ ràng về giấy tờ cần bổ sung.',
  'Trả kết quả chậm so với ngày hẹn.',
  'Không được thông báo trước khi hồ sơ bị từ chối.',
  'Cổng dịch vụ công trực tuyến hay bị lỗi khi nộp hồ sơ.',
];
const SATISFIED_COMMENTS = [
  'Cán bộ hướng dẫn tận tình.',
  'Thủ tục nhanh gọn, trả kết quả đúng hẹn.',
  'Nộp hồ sơ trực tuyến thuận tiện.',
  'Được nhắn tin báo khi có kết quả.',
  'Nhận kết quả sớm hơn ngày hẹn.',
];

function late(d: StoredDossier): boolean {
  return d.finishedAt !== null && d.appointmentAt !== null && d.finishedAt.slice(0, 10) > d.appointmentAt.slice(0, 10);
}

/** A timestamp some minutes after `base`, in Vietnam time with its offset. */
function later(base: string, minutes: number): string {
  const ms = Date.parse(base) + minutes * 60_000 + 7 * 3_600_000;
  return `${new Date(ms).toISOString().slice(0, 19)}+07:00`;
}

function levelFor(d: StoredDossier, rng: Rng): RatingLevel {
  // Refused or withdrawn dossiers and late ones leave more applicants dissatisfied.
  const unhappy = statusGroup(d.status) === 'closed' ? 0.25 : late(d) ? 0.4 : 0.03;
  const r = rng.next();
  if (r < unhappy) return 'dissatisfied';
  return r < unhappy + (1 - unhappy) * 0.62 ? 'very_satisfied' : 'satisfied';
}

function indicators(level: RatingLevel, rng: Rng): Partial<Record<RatingIndicator, 0 | 1 | 2>> {
  const out: Partial<Record<RatingIndicator, 0 | 1 | 2>> = {};
  for (const indicator of RATING_INDICATORS) {
    const r = rng.next();
    out[indicator] = level === 'very_satisfied' ? (r < 0.9 ? 2 : 1) : level === 'satisfied' ? (r < 0.55 ? 2 : 1) : r < 0.5 ? 0 : 1;
  }
  return out;
}

/**
 * The ratings one dossier gets, if any (see {@link generateRatings}): the seed rates each dossier as it is
 * generated, so a national year never sits in memory. Draws from `rng` in the same order as generateRatings.
 */
export function ratingsFor(d: StoredDossier, rng: Rng, options: GenerateRatingsOptions = {}): StoredRating[] {
  const share = options.share ?? 0.3;
  const officeShare = options.officeShare ?? 0.1;
  if (!canRate(d.status) || !rng.chance(share)) return [];
  const level = levelFor(d, rng);
  const comment =
    level === 'dissatisfied'
      ? rng.pick(DISSATISFIED_COMMENTS)
      : rng.chance(level === 'very_satisfied' ? 0.15 : 0.1)
        ? rng.pick(SATISFIED_COMMENTS)
        : null;
  const base = d.returnedAt ?? d.finishedAt ?? d.history[d.history.length - 1]?.at ?? d.receivedAt;
  const createdAt = later(base, rng.int(1, 48 * 60));
  const ratings: StoredRating[] = [
    { target: { type: 'dossier', code: d.code }, level, comment, indicators: rng.chance(0.3) ? indicators(level, rng) : null, createdAt },
  ];
  if (d.officeId && rng.chance(officeShare)) {
    ratings.push({
      target: { type: 'office', id: d.officeId },
      level: level === 'dissatisfied' ? 'dissatisfied' : rng.chance(0.7) ? 'very_satisfied' : 'satisfied',
      comment: level === 'dissatisfied' ? rng.pick(DISSATISFIED_COMMENTS) : null,
      indicators: null,
      createdAt: later(createdAt, rng.int(0, 5)),
    });
  }
  return ratings;
}

/**
 * Ratings for a sample of dossiers: about a third of the rateable ones (settled, refused or withdrawn) get one,
 * mostly very satisfied or satisfied; dissatisfied ratings, more frequent for late, refused or withdrawn dossiers,
 * always carry a comment. Some come with the 9-indicator evaluation; a few applicants also rate the office.
 * The same dossiers and the same random source give the same ratings.
 */
export function generateRatings(dossiers: Iterable<StoredDossier>, rng: Rng, options: GenerateRatingsOptions = {}): StoredRating[] {
  const ratings: StoredRating[] = [];
  for (const d of dossiers) ratings.push(...ratingsFor(d, rng, options));
  return ratings;
}
