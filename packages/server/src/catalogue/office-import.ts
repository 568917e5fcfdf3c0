/**
 * Import of a province's real one-stop offices from its spreadsheet (CSV) or JSON: every row is checked, what
 * can be normalised is (phone spacing, kind and channel words in Vietnamese, unit by code or name, hours as
 * text), and each row that cannot be used is reported with its reasons; nothing is dropped silently.
 *
 * Columns (JSON keys): `id` (default: from the name), `name`, `kind` (provincial_centre | commune_centre |
 * one_stop, or "tỉnh" / "xã" / "một cửa"), `unit` (code, or the name of a current unit), `address`, `phone`,
 * `email`, `website`, `lat`, `lng` (or `location: { lat, lng }`), `hours` (`mon-fri 07:30-11:30 13:30-17:00;
 * sat 07:30-11:30`), seasonal variants `season1_name`, `season1_from` (MM-DD), `season1_to`, `season1_hours`
 * … `season4_*` (or `seasons: [{ name, from, to, hours }]`), `fields`, `agencies`, `channels` (lists separated by
 * `;` or `|`: trực tiếp, trực tuyến, bưu chính). Closures come from the holiday calendar.
 */
import { fold, Office, type AdministrativeUnit, type NamedRef, type Season } from '@motcua/sdk';
import type { HolidayCalendar } from './calendar.js';
import { weekOf } from './office-hours.js';
import { slugify } from './slug.js';
import { cell, listCell, type InputRow } from './table-input.js';
import { resolveUnit } from './units.js';

export interface RowProblem {
  row: number;
  id: string | null;
  reasons: string[];
}

export interface OfficeImportReport {
  read: number;
  used: number;
  rejected: RowProblem[];
  /** Used rows with something left out (an unknown field name…), each with what. */
  warnings: RowProblem[];
}

export interface OfficeImportContext {
  /** The province's units, current and former. */
  units: readonly AdministrativeUnit[];
  /** The catalogue's fields, matched by id or folded name. */
  fields: readonly NamedRef[];
  calendar: HolidayCalendar;
}

const KINDS: Record<string, Office['kind']> = {
  provincial_centre: 'provincial_centre', tinh: 'provincial_centre', 'trung tam tinh': 'provincial_centre',
  commune_centre: 'commune_centre', xa: 'commune_centre', phuong: 'commune_centre', 'trung tam xa': 'commune_centre',
  one_stop: 'one_stop', 'mot cua': 'one_stop', 'bo phan mot cua': 'one_stop',
};
const CHANNELS: Record<string, Office['channels'][number]> = {
  in_person: 'in_person', 'truc tiep': 'in_person', online: 'online', 'truc tuyen': 'online', postal: 'postal', 'buu chinh': 'postal',
};
// Mainland, islands and the Trường Sa and Hoàng Sa archipelagos.
const VIETNAM = { south: 6, north: 24, west: 102, east: 118 };

function unitOf(text: string, units: readonly AdministrativeUnit[]): AdministrativeUnit | string {
  const current = units.filter((u) => u.validTo === null);
  const byCode = current.find((u) => u.code === text);
  if (byCode) return byCode;
  const exact = resolveUnit(units, text).filter((m) => m.via === null && m.score === 1);
  if (exact.length === 1) return exact[0]!.unit;
  return exact.length > 1 ? `unit "${text}" names several current units: give its code` : `unit "${text}" is not a current unit of the province`;
}

function seasonsOf(values: Record<string, unknown>, reasons: string[]): Season[] {
  const given = Array.isArray(values.seasons)
    ? (values.seasons as Record<string, unknown>[])
    : [1, 2, 3, 4].map((n) => ({ name: values[`season${n}_name`], from: values[`season${n}_from`], to: values[`season${n}_to`], hours: values[`season${n}_hours`] }))
        .filter((s) => [s.name, s.from, s.to, s.hours].some((v) => typeof v === 'string' && v.trim() !== ''));
  const out: Season[] = [];
  given.forEach((s, i) => {
    const name = cell(s, 'name') ?? `Mùa ${i + 1}`;
    const from = cell(s, 'from');
    const to = cell(s, 'to');
    if (!from || !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(from) || !to || !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(to)) {
      reasons.push(`season ${i + 1}: from and to must be MM-DD`);
      return;
    }
    try {
      out.push({ name: name.slice(0, 100), from, to, week: weekOf(s.hours ?? s.week) });
    } catch (error) {
      reasons.push(`season ${i + 1} hours: ${(error as Error).message}`);
    }
  });
  return out;
}

function officeOf(values: Record<string, unknown>, ctx: OfficeImportContext, reasons: string[], warnings: string[]): Office | null {
  const name = cell(values, 'name', 'ten');
  if (!name) reasons.push('name is required');
  const id = cell(values, 'id') ?? (name ? slugify(name) : null);
  const unitText = cell(values, 'unit', 'unitCode', 'don_vi');
  const unit = unitText ? unitOf(unitText, ctx.units) : 'unit is required (a unit code or name)';
  if (typeof unit === 'string') reasons.push(unit);
  const kindText = cell(values, 'kind', 'loai');
  const kind = kindText ? KINDS[fold(kindText)] : typeof unit !== 'string' && unit.level === 'province' ? 'provincial_centre' : 'commune_centre';
  if (!kind) reasons.push(`kind "${kindText}" is not one of provincial_centre, commune_centre, one_stop`);
  const address = cell(values, 'address', 'dia_chi');
  if (!address) reasons.push('address is required');
  const phone = cell(values, 'phone', 'dien_thoai');
  const normalisedPhone = phone ? phone.replace(/[^\d+]/g, '') : null;
  if (normalisedPhone !== null && !/^(\+84|0)\d{8,10}$/.test(normalisedPhone)) reasons.push('phone is not a Vietnamese phone number');
  const email = cell(values, 'email');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) reasons.push('email is not an e-mail address');
  const website = cell(values, 'website');
  if (website && !/^https?:\/\/[^\s]+$/i.test(website)) reasons.push('website must be an http(s) address');
  const loc = (values.location ?? {}) as Record<string, unknown>;
  const [lat, lng] = [cell(values, 'lat') ?? cell(loc, 'lat'), cell(values, 'lng', 'lon') ?? cell(loc, 'lng')].map((v) => (v === null ? null : Number(v.replace(',', '.'))));
  const located = lat !== null && lng !== null;
  if ((lat === null) !== (lng === null)) reasons.push('give both lat and lng, or neither');
  else if (located && !(lat! >= VIETNAM.south && lat! <= VIETNAM.north && lng! >= VIETNAM.west && lng! <= VIETNAM.east)) {
    reasons.push('lat/lng are not in Viet Nam (swapped?)');
  }
  let week = null;
  try {
    week = weekOf(values.hours ?? values.gio_lam_viec ?? '');
    if (Object.values(week).every((d) => d.length === 0)) reasons.push('hours are required, e.g. "mon-fri 07:30-11:30 13:30-17:00"');
  } catch (error) {
    reasons.push(`hours: ${(error as Error).message}`);
  }
  const seasons = seasonsOf(values, reasons);
  const channels = [...new Set(listCell(values, 'channels').map((c) => CHANNELS[fold(c)] ?? c))];
  for (const c of channels.filter((c) => !Object.values(CHANNELS).includes(c as Office['channels'][number]))) reasons.push(`channel "${c}" is not in_person, online or postal`);
  const fields: NamedRef[] = [];
  for (const f of listCell(values, 'fields')) {
    const found = ctx.fields.find((x) => x.id === f || fold(x.name) === fold(f));
    if (found) fields.push({ id: found.id, name: found.name });
    else warnings.push(`field "${f}" is not in the catalogue: left out`);
  }
  if (reasons.length > 0 || typeof unit === 'string' || !name || !id || !address || !week || !kind) return null;
  const office: Office = {
    id,
    name: name.slice(0, 300),
    kind,
    unit: { code: unit.code, name: unit.fullName },
    formerUnits: unit.predecessors.map((p) => ({ ...p })),
    address: address.slice(0, 500),
    phone: phone ? phone.slice(0, 50) : null,
    email: email ?? null,
    website: website ?? null,
    location: located ? { lat: lat!, lng: lng! } : null,
    hours: { week, seasons, closures: ctx.calendar.closures.slice(0, 400), extraWorkingDays: ctx.calendar.extraWorkingDays.slice(0, 50) },
    fields: [...new Map(fields.map((f) => [f.id, f])).values()],
    agencies: listCell(values, 'agencies').map((a) => ({ id: slugify(a), name: a.slice(0, 300) })),
    channels: channels.length > 0 ? (channels as Office['channels']) : ['in_person'],
    demo: false,
  };
  const check = Office.safeParse(office);
  if (!check.success) {
    reasons.push(...check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    return null;
  }
  return office;
}

/** Check and normalise every row; the offices that can be used and a report of every row that cannot. */
export function importOffices(rows: readonly InputRow[], ctx: OfficeImportContext): { offices: Office[]; report: OfficeImportReport } {
  const report: OfficeImportReport = { read: rows.length, used: 0, rejected: [], warnings: [] };
  const offices: Office[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const reasons: string[] = [];
    const warnings: string[] = [];
    const office = officeOf(values, ctx, reasons, warnings);
    const id = office?.id ?? cell(values, 'id') ?? null;
    if (office && seen.has(office.id)) reasons.push(`id "${office.id}" is already used by row ${seen.get(office.id)}`);
    if (!office || reasons.length > 0) {
      report.rejected.push({ row, id, reasons });
      continue;
    }
    seen.set(office.id, row);
    offices.push(office);
    if (warnings.length > 0) report.warnings.push({ row, id, reasons: warnings });
  }
  report.used = offices.length;
  return { offices, report };
}
