/**
 * Deterministic generator of demonstration dossiers shaped like the seed case: about 250,000 dossiers a year in
 * a province, about 40 % at the provincial centre and the rest over the commune offices (wards busier than
 * remote communes), 99.2 % of settled dossiers on time or early, realistic histories, masked names.
 * Everything follows from the seed: the same options give the same dossiers.
 */
import {
  addDays,
  addWorkingDays,
  isDateString,
  vnDate,
  vnParts,
  type DossierStatus,
  type HistoryEvent,
  type Office,
  type Procedure,
} from '@motcua/sdk';
import { workingCalendar, type HolidayCalendar } from '../catalogue/calendar.js';
import type { StoredDossier } from '../db/types.js';
import { maskName } from '../privacy/mask.js';
import { CENTRE_FIELD_WEIGHTS, COMMUNE_FIELD_WEIGHTS, plans, type Plan } from './dossier-plans.js';
import { Days } from './filing-days.js';
import { DEMO_DOSSIERS } from './fixed-dossiers.js';
import { randomFullName } from './names.js';
import { officeAgencyCodes, officeTargets } from './office-shares.js';
import { createRng, type Rng } from './random.js';
import { decidesReception, receptionTime } from './reception.js';

export { DEMO_DOSSIERS } from './fixed-dossiers.js';

export interface GenerateDossiersOptions {
  offices: readonly Office[];
  /** Province- and commune-level procedures: the centre draws from the first, commune offices from the second. */
  procedures: readonly Procedure[];
  calendar: HolidayCalendar;
  /** First and last day dossiers are filed (`YYYY-MM-DD`, Vietnam dates). */
  from: string;
  to: string;
  /** Dossiers filed over the period. Default 250,000. */
  total?: number;
  seed?: number;
  /** How far processing has got: events after it are not in the data yet. Default: 17:00 on `to`. */
  now?: Date;
  /** Also yield {@link DEMO_DOSSIERS} filed before `now`. Default true. */
  includeDemo?: boolean;
  /** Province part of the agency identifiers (QCVN 102:2016). Default `H37`. */
  provinceAgencyCode?: string;
}

/** Share of settled dossiers finished after their appointment day: 0.8 % late → 99.2 % on time or early. */
const LATE = 0.008;
const REFUSED = 0.004;
const WITHDRAWN = 0.003;
const STOPPED = 0.0015;
const SUPPLEMENT = 0.05;
const PAYMENT = 0.04;
const NEVER_COLLECTED = 0.003;
const ONLINE = 0.3;
const MONTH_FACTOR = [1.15, 0.75, 1.05, 1, 0.95, 1, 1.05, 1, 0.95, 1, 1.05, 1.1];
const WEEKDAY_FACTOR = [0, 1.2, 1.05, 1, 1, 0.9, 0.35];

const OPEN = 450; // 07:30
const NOON = 690; // 11:30
const AFTERNOON = 810; // 13:30
const CLOSE = 990; // 16:30
const LATEST = 1010; // 16:50, last minute an event is logged in the office

// Commune officers by field.
const COMMUNE_OFFICERS: Array<[RegExp, string]> = [
  [/^(ho tich|chung thuc|nuoi con nuoi|hoa giai)/, 'Công chức Tư pháp - Hộ tịch'],
  [/^(dat dai|hoat dong xay dung|moi truong)/, 'Công chức Địa chính - Xây dựng'],
  [/^(bao tro|nguoi co cong|giam ngheo|chinh sach)/, 'Công chức Văn hóa - Xã hội'],
];

const MINUTES: string[] = Array.from({ length: 1440 }, (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const FOUR_DIGITS: string[] = Array.from({ length: 10_000 }, (_, n) => String(n).padStart(4, '0'));
const SECONDS: string[] = Array.from({ length: 60 }, (_, s) => String(s).padStart(2, '0'));

/** A point in time: day index into {@link Days} and minute of the Vietnam day. */
interface Moment {
  day: number;
  minute: number;
}

function officeMinute(rng: Rng, saturday = false): number {
  if (saturday || rng.chance(0.55)) return OPEN + rng.int(0, NOON - OPEN - 1);
  return AFTERNOON + rng.int(0, CLOSE - AFTERNOON - 1);
}

/**
 * Generate dossiers, in order of filing day. Statuses follow from `now`: old dossiers are returned (10) or
 * waiting for collection (9), recent ones are still submitted (1), accepted (2), in progress (4), waiting for
 * documents (5) or payment (6); a few are refused (3), withdrawn (7) or stopped (8). Codes are
 * `{agency}-{yyMMdd}-{seq}` with the sequence counted per office per day.
 */
export function* generateDossiers(options: GenerateDossiersOptions): Generator<StoredDossier> {
  const { offices, procedures, calendar, from, to } = options;
  const total = options.total ?? 250_000;
  if (!isDateString(from) || !isDateString(to) || from > to) throw new RangeError('`from` and `to` must be dates (YYYY-MM-DD), `from` first');
  if (!Number.isInteger(total) || total < 0) throw new RangeError('`total` must be a non-negative integer');
  if (offices.length === 0) throw new RangeError('No offices to file dossiers at');
  if (procedures.length === 0) throw new RangeError('No procedures to file dossiers for');
  const rng = createRng(options.seed ?? 20_190_101);
  const now = options.now ?? new Date(`${to}T17:00:00+07:00`);
  const nowParts = vnParts(now);
  const nowDate = vnDate(now);
  const working = workingCalendar(calendar);
  // Appointment dates through the SDK's working-day arithmetic, memoised: few distinct (day, limit) pairs.
  const appointmentCache = new Map<string, string>();
  const maskedNames = new Map<string, string>();
  // Processing runs past `to`; the table covers the longest timeline (limit, lateness, collection).
  const days = new Days(addDays(from, -7), addDays(to, 150), working);
  const nowKey = (days.index.get(nowDate) ?? (nowDate < from ? -1 : days.dates.length)) * 1440 + nowParts.hour * 60 + nowParts.minute;
  const key = (m: Moment) => m.day * 1440 + m.minute;
  // Timestamps are shared strings, one per minute of the window (seconds derived from the minute): a year of
  // dossiers then holds a few hundred thousand strings instead of millions, which keeps generation fast.
  const stamps = new Map<number, string>();
  const iso = (m: Moment): string => {
    const k = key(m);
    let stamp = stamps.get(k);
    if (stamp === undefined) {
      stamp = `${days.dates[m.day]}T${MINUTES[m.minute]}:${SECONDS[(k * 37) % 60]}+07:00`;
      stamps.set(k, stamp);
    }
    return stamp;
  };

  // Commune offices file commune-level procedures, the centre province-level ones (all, if none is at that level).
  const atLevel = (level: 'commune' | 'province') => {
    const found = procedures.filter((p) => p.levels.includes(level));
    return found.length > 0 ? found : procedures;
  };
  const communePlans = plans(atLevel('commune'), COMMUNE_FIELD_WEIGHTS);
  const centrePlans = plans(atLevel('province'), CENTRE_FIELD_WEIGHTS);
  const agencyCodes = officeAgencyCodes(offices, options.provinceAgencyCode);
  const targets = officeTargets(offices, total);

  // Demo dossiers first; their codes are reserved so generated ones never collide with them.
  const reserved = new Set<string>();
  if (options.includeDemo ?? true) {
    for (const d of DEMO_DOSSIERS) {
      reserved.add(d.code);
      if (new Date(d.history[0]!.at) <= now) yield structuredClone(d);
    }
  }

  // Filing days and their weights per office (the centre also files on Saturday mornings).
  const first = days.index.get(from)!;
  const last = days.index.get(to)!;
  const dayFactor: number[] = [];
  for (let d = first; d <= last; d++) {
    const weekday = days.weekday[d]!;
    const open = days.working[d] || (weekday === 6 && !working.holidays.has(days.dates[d]!));
    const month = Number(days.dates[d]!.slice(5, 7)) - 1;
    dayFactor[d] = open ? MONTH_FACTOR[month]! * (days.working[d] ? WEEKDAY_FACTOR[weekday === 6 ? 1 : weekday]! : WEEKDAY_FACTOR[6]!) * (0.85 + 0.3 * rng.next()) : 0;
  }
  const officeDays = offices.map((o) => {
    const centre = o.kind === 'provincial_centre';
    let sum = 0;
    for (let d = first; d <= last; d++) if (days.working[d] || centre) sum += dayFactor[d]!;
    return { centre, sum, cumulative: 0 };
  });

  for (let d = first; d <= last; d++) {
    if (dayFactor[d] === 0) continue;
    const saturday = !days.working[d];
    for (let o = 0; o < offices.length; o++) {
      const office = offices[o]!;
      const state = officeDays[o]!;
      if (saturday && !state.centre) continue;
      const before = Math.floor(state.cumulative);
      state.cumulative += (targets[o]! * dayFactor[d]!) / state.sum;
      const count = Math.floor(state.cumulative + 1e-9) - before;
      const agency = agencyCodes.get(office.id)!;
      const datePart = days.dates[d]!.slice(2).replaceAll('-', '');
      let sequence = 0;
      for (let i = 0; i < count; i++) {
        let code: string;
        do code = `${agency}-${datePart}-${String(++sequence).padStart(4, '0')}`;
        while (reserved.has(code));
        if (sequence > 9999) break;
        const dossier = makeDossier(code, d, saturday, office, state.centre ? centrePlans.pick(rng) : communePlans.pick(rng));
        if (dossier) yield dossier;
      }
    }
  }

  function makeDossier(code: string, day: number, saturday: boolean, office: Office, plan: Plan): StoredDossier | null {
    const centre = office.kind === 'provincial_centre';
    const events: Array<{ at: Moment; action: string; unit: string | null; officer: string | null; status: DossierStatus | null }> = [];
    const receiver = centre ? 'Chuyên viên tiếp nhận và trả kết quả' : 'Công chức tiếp nhận và trả kết quả';
    const processingUnit = centre
      ? (plan.procedure.agency?.name ?? 'Cơ quan chuyên môn cấp tỉnh')
      : `UBND ${office.unit.name.replace(/^Xã /, 'xã ').replace(/^Phường /, 'phường ')}`;
    const officer = centre
      ? 'Chuyên viên phòng chuyên môn'
      : (COMMUNE_OFFICERS.find(([re]) => re.test(plan.field))?.[1] ?? 'Công chức Văn phòng - Thống kê');
    const approver = centre ? 'Lãnh đạo phòng chuyên môn' : office.kind === 'commune_centre' ? 'Phó Chủ tịch UBND phường' : 'Phó Chủ tịch UBND xã';

    // Strictly increasing moments. A later event on the same day stays on that day while the office is open
    // (squeezed before closing if need be); only one logged after closing time moves to the next working day.
    const after = (prev: Moment, targetDay: number, minGap = 5, maxGap = 120): Moment => {
      if (targetDay > prev.day) return { day: targetDay, minute: officeMinute(rng) };
      if (prev.minute < OPEN) return { day: prev.day, minute: OPEN + rng.int(0, 60) };
      const minute = prev.minute + rng.int(minGap, maxGap);
      if (minute <= LATEST) return { day: prev.day, minute };
      if (prev.minute < LATEST - 1) return { day: prev.day, minute: prev.minute + 1 + rng.int(0, LATEST - prev.minute - 2) };
      return { day: days.nextWorking[prev.day]!, minute: OPEN + rng.int(5, 90) };
    };
    const push = (at: Moment, action: string, status: DossierStatus | null, unit: string | null, who: string | null) =>
      events.push({ at, action, unit, officer: who, status });

    // Filing: in person during opening hours, or online at any hour and accepted later.
    const online = !saturday && rng.chance(ONLINE);
    let receivedAt: Moment;
    if (online) {
      const submitted: Moment = { day, minute: rng.int(360, 1379) };
      push(submitted, 'Nộp hồ sơ trực tuyến', 1, null, null);
      receivedAt = submitted.minute < 960 ? after(submitted, day, 20, 240) : { day: days.nextWorking[day]!, minute: OPEN + rng.int(5, 150) };
    } else {
      receivedAt = { day, minute: officeMinute(rng, saturday) };
    }

    if (rng.chance(REFUSED)) {
      push(receivedAt, 'Không tiếp nhận: hồ sơ chưa đủ thành phần theo quy định', 3, office.name, receiver);
      return finish(code, office, plan, events, null, null, null);
    }
    push(receivedAt, 'Tiếp nhận hồ sơ', 2, office.name, receiver);

    const limit = plan.limit;
    // The limit counts working days after the day of reception (a Saturday reception counts from Monday).
    const receivedDate = days.dates[receivedAt.day]!;
    const appointmentDate = limit.calendar ? addDays(receivedDate, limit.days) : cachedAddWorking(receivedDate, limit.days);
    let appointmentDay = days.index.get(appointmentDate) ?? days.dates.length - 1;
    if (!days.working[appointmentDay]) appointmentDay = Math.min(days.nextWorking[appointmentDay]!, days.dates.length - 1);
    const appointment: Moment = { day: appointmentDay, minute: CLOSE };

    // Most dossiers go to the handling officer the same day; some wait for the next working day.
    const assignedAt = after(receivedAt, saturday || rng.chance(0.25) ? days.nextWorking[receivedAt.day]! : receivedAt.day, 10, 240);
    push(assignedAt, centre ? 'Chuyển hồ sơ đến cơ quan giải quyết' : 'Chuyển hồ sơ cho công chức chuyên môn', 4, processingUnit, officer);

    // When processing ends: within the limit (mostly early), or late for a few.
    const budget = days.workingBetween(assignedAt.day, appointmentDay);
    const finishDay = rng.chance(LATE)
      ? days.addWorking(appointmentDay, rng.int(1, 4))
      : rng.chance(0.2)
        ? appointmentDay
        : days.addWorking(assignedAt.day, Math.floor(budget * rng.next() ** 1.5));
    const stopRoll = rng.next();
    let cursor = assignedAt;

    if (stopRoll < WITHDRAWN + STOPPED) {
      const at = after(cursor, days.addWorking(cursor.day, rng.int(0, Math.max(1, budget))));
      if (stopRoll < WITHDRAWN) push(at, 'Công dân yêu cầu rút hồ sơ', 7, office.name, receiver);
      else push(at, 'Dừng xử lý hồ sơ theo ý kiến của cơ quan có thẩm quyền', 8, processingUnit, approver);
      return finish(code, office, plan, events, appointment, null, null);
    }
    const room = days.workingBetween(cursor.day, finishDay);
    if (room >= 3 && rng.chance(SUPPLEMENT)) {
      const asked = after(cursor, days.addWorking(cursor.day, 1));
      push(asked, 'Yêu cầu bổ sung giấy tờ', 5, processingUnit, officer);
      cursor = after(asked, days.addWorking(asked.day, rng.int(1, Math.min(3, room - 1))));
      push(cursor, 'Công dân đã bổ sung giấy tờ', 4, office.name, receiver);
    }
    if (days.workingBetween(cursor.day, finishDay) >= 2 && rng.chance(plan.hasFee ? PAYMENT * 4 : PAYMENT / 2)) {
      const asked = after(cursor, days.addWorking(cursor.day, 1));
      push(asked, 'Yêu cầu thực hiện nghĩa vụ tài chính', 6, processingUnit, officer);
      cursor = after(asked, days.addWorking(asked.day, 1));
      push(cursor, 'Đã thực hiện nghĩa vụ tài chính', 4, office.name, receiver);
    }
    const signed = after(cursor, Math.max(finishDay, cursor.day), 5, 60);
    push(signed, 'Trình lãnh đạo ký duyệt', null, processingUnit, approver);
    const finishedAt = after(signed, signed.day, 10, 90);
    push(finishedAt, 'Đã xử lý xong, chuyển trả kết quả', 9, office.name, receiver);
    if (rng.chance(NEVER_COLLECTED)) return finish(code, office, plan, events, appointment, finishedAt, null);
    const collectDay = days.addWorking(finishedAt.day, rng.chance(0.5) ? 0 : rng.int(1, 5));
    const returnedAt = after(finishedAt, collectDay, 10, 180);
    push(returnedAt, 'Trả kết quả cho công dân', 10, office.name, receiver);
    return finish(code, office, plan, events, appointment, finishedAt, returnedAt);
  }

  function finish(
    code: string,
    office: Office,
    plan: Plan,
    events: Array<{ at: Moment; action: string; unit: string | null; officer: string | null; status: DossierStatus | null }>,
    appointment: Moment | null,
    finishedAt: Moment | null,
    returnedAt: Moment | null,
  ): StoredDossier | null {
    // Only what has happened by `now` is in the data.
    const history: HistoryEvent[] = [];
    let status: DossierStatus = 1;
    // Received at the desk (a refusal has no appointment, so this means accepted).
    let received = false;
    for (const e of events) {
      if (key(e.at) > nowKey) break;
      history.push({ at: iso(e.at), action: e.action, unit: e.unit, officerTitle: e.officer, status: e.status });
      if (e.status !== null) status = e.status;
      if (decidesReception(e)) received = true;
    }
    if (history.length === 0) return null;
    const seen = (m: Moment | null) => (m !== null && key(m) <= nowKey ? iso(m) : null);
    const applicant = randomFullName(rng);
    let masked = maskedNames.get(applicant);
    if (masked === undefined) maskedNames.set(applicant, (masked = maskName(applicant)));
    return {
      code,
      nationalCode: null,
      procedureCode: plan.procedure.code,
      procedureName: plan.procedure.name,
      status,
      receivedAt: receptionTime(history),
      appointmentAt: received && appointment ? iso(appointment) : null,
      finishedAt: seen(finishedAt),
      returnedAt: seen(returnedAt),
      applicantMasked: masked,
      phoneLast4: FOUR_DIGITS[rng.int(0, 9999)]!,
      idLast4: FOUR_DIGITS[rng.int(0, 9999)]!,
      officeId: office.id,
      unitCode: office.unit.code,
      history,
    };
  }

  function cachedAddWorking(date: string, n: number): string {
    const k = `${date}|${n}`;
    let v = appointmentCache.get(k);
    if (v === undefined) {
      v = addWorkingDays(date, n, working);
      appointmentCache.set(k, v);
    }
    return v;
  }
}
