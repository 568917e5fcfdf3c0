/**
 * Deterministic generator of demonstration dossiers shaped like the seed case: about 250,000 dossiers a year in
 * a province, about 40 % at the provincial centre and the rest over the commune offices (wards busier than
 * remote communes), 99.2 % of settled dossiers on time or early (some communes always, land dossiers late more
 * often than certified copies), realistic histories, masked names. Each desk files only the procedures it
 * receives (desks.ts), its events fall within its published hours (office-hours.ts), and a dossier waiting on
 * the citizen (documents, fees) gets a new appointment once the citizen has acted.
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
import { provinceInText } from '../catalogue/units.js';
import type { StoredDossier } from '../db/types.js';
import { maskName } from '../privacy/mask.js';
import { deskProcedures, provincialUnit } from './desks.js';
import { CENTRE_FIELD_WEIGHTS, COMMUNE_FIELD_WEIGHTS, plans, type Plan } from './dossier-plans.js';
import { Days } from './filing-days.js';
import { demoDossiersFor } from './fixed-dossiers.js';
import { randomFullName } from './names.js';
import { OfficeDays, type Moment } from './office-hours.js';
import { isWardOffice } from './offices.js';
import { officeAgencyCodes, officeTargets, provinceAgencyCode } from './office-shares.js';
import { createRng, hashFraction } from './random.js';
import { decidesReception, receptionTime } from './reception.js';

export { DEMO_DOSSIERS, demoDossiersFor } from './fixed-dossiers.js';

export interface GenerateDossiersOptions {
  offices: readonly Office[];
  /** The catalogue: each desk draws from the procedures it receives (see desks.ts). */
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
  /** Also yield the fixed demonstration dossiers ({@link demoDossiersFor}) filed before `now`. Default true. */
  includeDemo?: boolean;
  /** Province code (2 digits) in the agency identifiers. Default `20`. */
  province?: string;
  /** Province part of the agency identifiers (QCVN 102:2016). Default: {@link provinceAgencyCode} of `province`. */
  provinceAgencyCode?: string;
}

/**
 * Base share of settled dossiers finished after their appointment day, for 0.8 % late → 99.2 % on time or early
 * average; a fifth of the communes are never late, others up to 2.5 times as often (see {@link lateFactor}).
 */
const LATE = 0.0097;
const REFUSED = 0.004;
const WITHDRAWN = 0.003;
const STOPPED = 0.0015;
const SUPPLEMENT = 0.05;
const PAYMENT = 0.04;
const NEVER_COLLECTED = 0.003;
const ONLINE = 0.3;
const MONTH_FACTOR = [1.15, 0.75, 1.05, 1, 0.95, 1, 1.05, 1, 0.95, 1, 1.05, 1.1];
const WEEKDAY_FACTOR = [0, 1.2, 1.05, 1, 1, 0.9, 0.35];

// Commune officers by field.
const COMMUNE_OFFICERS: Array<[RegExp, string]> = [
  [/^(ho tich|chung thuc|nuoi con nuoi|hoa giai)/, 'Công chức Tư pháp - Hộ tịch'],
  [/^(dat dai|hoat dong xay dung|moi truong)/, 'Công chức Địa chính - Xây dựng'],
  [/^(bao tro|nguoi co cong|giam ngheo|chinh sach)/, 'Công chức Văn hóa - Xã hội'],
];

const MINUTES: string[] = Array.from({ length: 1440 }, (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const FOUR_DIGITS: string[] = Array.from({ length: 10_000 }, (_, n) => String(n).padStart(4, '0'));
const SECONDS: string[] = Array.from({ length: 60 }, (_, s) => String(s).padStart(2, '0'));

/** How often an office settles late relative to the average: 0 for a fifth of communes, up to 2.5, mean 1. */
function lateFactor(office: Office): number {
  if (office.kind === 'provincial_centre') return 1;
  const h = hashFraction(`late:${office.id}`);
  return h < 0.2 ? 0 : ((h - 0.2) / 0.8) * 2.5;
}

/** Share of an office's dossiers settled on the appointment day itself (the rest early): 10–35 %. */
const dueDayShare = (office: Office) => 0.1 + 0.25 * hashFraction(`due:${office.id}`);

/** `YYYY-MM-DD` as written on an appointment slip. */
const slipDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

interface DossierEvent {
  at: Moment;
  action: string;
  unit: string | null;
  officer: string | null;
  status: DossierStatus | null;
}

interface Appointment {
  /** When the appointment was given (reception, or the citizen's supplement or payment). */
  since: Moment;
  due: Moment;
}

/**
 * The codes an office gives out on one day, in order, skipping `reserved` ones; null once they are used up.
 * Each agency numbers its day from 0001 to 9999. A provincial centre receives for several departments, each
 * numbering its own day (`000.01.20.H37`, `000.02.20.H37`… beside `000.00.20.H37`), which a national-size seed
 * needs: its centre takes more than 9,999 dossiers on a busy day.
 */
function dayNumbers(agency: string, datePart: string, centre: boolean, reserved: ReadonlySet<string>): () => string | null {
  let department = 0;
  let prefix = agency;
  let sequence = 0;
  return () => {
    for (;;) {
      if (sequence === 9999) {
        if (!centre || department === 99) return null;
        prefix = `${agency.slice(0, 4)}${String(++department).padStart(2, '0')}${agency.slice(6)}`;
        sequence = 0;
      }
      const code = `${prefix}-${datePart}-${String(++sequence).padStart(4, '0')}`;
      if (!reserved.has(code)) return code;
    }
  };
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

  // Each desk files the procedures it receives; desks with the same kind and fields share their plans, offices
  // with the same published hours their sessions.
  const deskPlans = new Map<string, ReturnType<typeof plans>>();
  const sessions = new Map<string, OfficeDays>();
  const desks = offices.map((o) => {
    const centre = o.kind === 'provincial_centre';
    const planKey = `${centre}|${o.fields.map((f) => f.id).join(',')}`;
    let plan = deskPlans.get(planKey);
    if (!plan) deskPlans.set(planKey, (plan = plans(deskProcedures(o, procedures), centre ? CENTRE_FIELD_WEIGHTS : COMMUNE_FIELD_WEIGHTS)));
    const hoursKey = JSON.stringify(o.hours);
    let hours = sessions.get(hoursKey);
    if (!hours) sessions.set(hoursKey, (hours = new OfficeDays(o.hours, days)));
    return { plans: plan, hours, late: lateFactor(o), dueDay: dueDayShare(o) };
  });
  const centreOffice = offices.find((o) => o.kind === 'provincial_centre');
  const province = centreOffice ? provinceInText(centreOffice.unit.name) : 'tỉnh';
  const units = new Map<string, string>();
  const unitFor = (agency: string | undefined) => {
    let unit = units.get(agency ?? '');
    if (unit === undefined) units.set(agency ?? '', (unit = provincialUnit(agency, province)));
    return unit;
  };
  const provinceCode = options.province ?? '20';
  const agencyCode = options.provinceAgencyCode ?? provinceAgencyCode({ code: provinceCode });
  const agencyCodes = officeAgencyCodes(offices, provinceCode, agencyCode);
  const targets = officeTargets(offices, total);

  // Demo dossiers first; their codes are reserved so generated ones never collide with them.
  const reserved = new Set<string>();
  if ((options.includeDemo ?? true) && centreOffice) {
    const place = { province: provinceCode, agencyCode, inText: province, centre: { id: centreOffice.id, name: centreOffice.name } };
    for (const d of demoDossiersFor(place)) {
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
  const officeDays = offices.map((o, i) => {
    let sum = 0;
    for (let d = first; d <= last; d++) if (desks[i]!.hours.isOpen(d)) sum += dayFactor[d]!;
    return { sum, cumulative: 0 };
  });

  for (let d = first; d <= last; d++) {
    if (dayFactor[d] === 0) continue;
    const saturday = !days.working[d];
    for (let o = 0; o < offices.length; o++) {
      const office = offices[o]!;
      const state = officeDays[o]!;
      if (!desks[o]!.hours.isOpen(d)) continue;
      const before = Math.floor(state.cumulative);
      state.cumulative += (targets[o]! * dayFactor[d]!) / state.sum;
      const count = Math.floor(state.cumulative + 1e-9) - before;
      const agency = agencyCodes.get(office.id)!;
      const datePart = days.dates[d]!.slice(2).replaceAll('-', '');
      const next = dayNumbers(agency, datePart, office.kind === 'provincial_centre', reserved);
      for (let i = 0; i < count; i++) {
        const code = next();
        if (code === null) break;
        const dossier = makeDossier(code, d, saturday, office, desks[o]!);
        if (dossier) yield dossier;
      }
    }
  }

  function makeDossier(code: string, day: number, saturday: boolean, office: Office, desk: (typeof desks)[number]): StoredDossier | null {
    const plan = desk.plans.pick(rng);
    const hours = desk.hours;
    const centre = office.kind === 'provincial_centre';
    const events: DossierEvent[] = [];
    const receiver = centre ? 'Chuyên viên tiếp nhận và trả kết quả' : 'Công chức tiếp nhận và trả kết quả';
    const processingUnit = centre
      ? unitFor(plan.procedure.agency?.name)
      : `UBND ${office.unit.name.replace(/^Xã /, 'xã ').replace(/^Phường /, 'phường ')}`;
    const officer = centre
      ? 'Chuyên viên phòng chuyên môn'
      : (COMMUNE_OFFICERS.find(([re]) => re.test(plan.field))?.[1] ?? 'Công chức Văn phòng - Thống kê');
    const approver = centre ? 'Lãnh đạo phòng chuyên môn' : isWardOffice(office) ? 'Phó Chủ tịch UBND phường' : 'Phó Chủ tịch UBND xã';

    // Strictly increasing moments within the office's sessions (office-hours.ts).
    const after = (prev: Moment, targetDay: number, minGap = 5, maxGap = 120): Moment =>
      hours.after(rng, prev, targetDay, rng.int(minGap, maxGap));
    const push = (at: Moment, action: string, status: DossierStatus | null, unit: string | null, who: string | null) =>
      events.push({ at, action, unit, officer: who, status });

    // Filing: in person during opening hours, or online at any hour and accepted later.
    const online = !saturday && rng.chance(ONLINE);
    let receivedAt: Moment;
    if (online) {
      const submitted: Moment = { day, minute: rng.int(360, 1379) };
      push(submitted, 'Nộp hồ sơ trực tuyến', 1, null, null);
      receivedAt = submitted.minute < 960 ? after(submitted, day, 20, 240) : after(submitted, days.nextWorking[day]!);
    } else {
      receivedAt = { day, minute: hours.minuteIn(rng, day) };
    }

    if (rng.chance(REFUSED)) {
      push(receivedAt, 'Không tiếp nhận: hồ sơ chưa đủ thành phần theo quy định', 3, office.name, receiver);
      return finish(code, office, plan, events, [], null, null);
    }
    push(receivedAt, 'Tiếp nhận hồ sơ', 2, office.name, receiver);

    const limit = plan.limit;
    // The limit counts working days after the day of reception (a Saturday reception counts from Monday).
    const receivedDate = days.dates[receivedAt.day]!;
    const appointmentDate = limit.calendar ? addDays(receivedDate, limit.days) : cachedAddWorking(receivedDate, limit.days);
    let appointmentDay = days.index.get(appointmentDate) ?? days.dates.length - 1;
    if (!days.working[appointmentDay]) appointmentDay = Math.min(days.nextWorking[appointmentDay]!, days.dates.length - 1);
    const appointments: Appointment[] = [{ since: receivedAt, due: { day: appointmentDay, minute: hours.closing(appointmentDay) } }];

    // Most dossiers go to the handling officer the same day; some wait for the next working day.
    const assignedAt = after(receivedAt, saturday || rng.chance(0.25) ? days.nextWorking[receivedAt.day]! : receivedAt.day, 10, 240);
    push(assignedAt, centre ? 'Chuyển hồ sơ đến cơ quan giải quyết' : 'Chuyển hồ sơ cho công chức chuyên môn', 4, processingUnit, officer);

    // When processing ends: within the limit (mostly early), or late for a few (more in some offices and fields).
    const budget = days.workingBetween(assignedAt.day, appointmentDay);
    let finishDay = rng.chance(LATE * desk.late * plan.lateness)
      ? days.addWorking(appointmentDay, rng.int(1, 4))
      : rng.chance(desk.dueDay)
        ? appointmentDay
        : days.addWorking(assignedAt.day, Math.floor(budget * rng.next() ** 1.5));
    const stopRoll = rng.next();
    let cursor = assignedAt;

    if (stopRoll < WITHDRAWN + STOPPED) {
      const at = after(cursor, days.addWorking(cursor.day, rng.int(0, Math.max(1, budget))));
      if (stopRoll < WITHDRAWN) push(at, 'Công dân yêu cầu rút hồ sơ', 7, office.name, receiver);
      else push(at, 'Dừng xử lý hồ sơ theo ý kiến của cơ quan có thẩm quyền', 8, processingUnit, approver);
      return finish(code, office, plan, events, appointments, null, null);
    }
    // Waiting on the citizen (documents, fees) does not count: once the citizen has acted, the appointment moves
    // by the working days waited, and the new one is given.
    const waitFor = (request: string, status: 5 | 6, acted: string, maxDays: number) => {
      const asked = after(cursor, days.addWorking(cursor.day, 1));
      push(asked, request, status, processingUnit, officer);
      cursor = after(asked, days.addWorking(asked.day, rng.int(1, maxDays)));
      const waited = days.workingBetween(asked.day, cursor.day);
      const due = days.addWorking(appointments.at(-1)!.due.day, waited);
      finishDay = days.addWorking(finishDay, waited);
      appointments.push({ since: cursor, due: { day: due, minute: hours.closing(due) } });
      push(cursor, `${acted}; hẹn trả kết quả mới ngày ${slipDate(days.dates[due]!)}`, 4, office.name, receiver);
    };
    const room = days.workingBetween(cursor.day, finishDay);
    if (room >= 3 && rng.chance(SUPPLEMENT)) waitFor('Yêu cầu bổ sung giấy tờ', 5, 'Công dân đã bổ sung giấy tờ', Math.min(3, room - 1));
    if (days.workingBetween(cursor.day, finishDay) >= 2 && rng.chance(plan.hasFee ? PAYMENT * 4 : PAYMENT / 2)) {
      waitFor('Yêu cầu thực hiện nghĩa vụ tài chính', 6, 'Đã thực hiện nghĩa vụ tài chính', 1);
    }
    const signed = after(cursor, Math.max(finishDay, cursor.day), 5, 60);
    push(signed, 'Trình lãnh đạo ký duyệt', null, processingUnit, approver);
    const finishedAt = after(signed, signed.day, 10, 90);
    push(finishedAt, 'Đã xử lý xong, chuyển trả kết quả', 9, office.name, receiver);
    if (rng.chance(NEVER_COLLECTED)) return finish(code, office, plan, events, appointments, finishedAt, null);
    const collectDay = days.addWorking(finishedAt.day, rng.chance(0.5) ? 0 : rng.int(1, 5));
    const returnedAt = after(finishedAt, collectDay, 10, 180);
    push(returnedAt, 'Trả kết quả cho công dân', 10, office.name, receiver);
    return finish(code, office, plan, events, appointments, finishedAt, returnedAt);
  }

  function finish(
    code: string,
    office: Office,
    plan: Plan,
    events: readonly DossierEvent[],
    appointments: readonly Appointment[],
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
    // The appointment in force: the latest one given by now (none for a refusal).
    const inForce = appointments.findLast((a) => key(a.since) <= nowKey);
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
      appointmentAt: received && inForce ? iso(inForce.due) : null,
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
