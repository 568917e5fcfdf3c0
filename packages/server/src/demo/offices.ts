/**
 * Demonstration directory of one-stop offices: the provincial public administrative service centre and one
 * office per current commune or ward. Names, units, former units and fields are real; addresses, phone numbers,
 * e-mail addresses, opening hours and coordinates are demonstration values (`demo: true`).
 */
import { fold, type AdministrativeUnit, type NamedRef, type Office, type OpeningHours, type Week } from '@motcua/sdk';
import type { HolidayCalendar } from '../catalogue/calendar.js';
import { slugify } from '../catalogue/slug.js';
import { provinceInText } from '../catalogue/units.js';
import { fnv1a } from './random.js';

/** Province-specific demo settings (defaults: Lạng Sơn; {@link demoProvince} for any other province). */
export interface DemoProvince {
  /** Name of the provincial centre. */
  centreName: string;
  centreId: string;
  /** Demo street-free address of the centre. */
  centreAddress: string;
  /** Approximate coordinates of the provincial capital (real), or null when not known. */
  centreLocation: { lat: number; lng: number } | null;
  /** Bounding box the demo commune coordinates are spread in, or null: communes then have no coordinates. */
  bounds: { south: number; north: number; west: number; east: number } | null;
  /** Landline area code, e.g. `0205`, or null: the offices then have no demo phone number. */
  areaCode: string | null;
  /** Demo e-mail domain (a reserved `.example` name, so no mail can go astray). */
  emailDomain: string;
}

export const LANG_SON_DEMO: DemoProvince = {
  centreName: 'Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn',
  centreId: 'trung-tam-pvhcc-tinh',
  centreAddress: 'Phường Lương Văn Tri, tỉnh Lạng Sơn',
  centreLocation: { lat: 21.8537, lng: 106.7615 },
  bounds: { south: 21.3, north: 22.5, west: 106.1, east: 107.4 },
  areaCode: '0205',
  emailDomain: 'motcua.example',
};

/**
 * Demo settings for a province without its own: the centre named after the province, no invented phone
 * numbers or coordinates (an IT team imports its real offices). Lạng Sơn keeps {@link LANG_SON_DEMO}.
 */
export function demoProvince(province: Pick<AdministrativeUnit, 'code' | 'fullName'>): DemoProvince {
  if (province.code === '20') return LANG_SON_DEMO;
  return {
    centreName: `Trung tâm Phục vụ hành chính công ${provinceInText(province.fullName)}`,
    centreId: 'trung-tam-pvhcc-tinh',
    centreAddress: provinceInText(province.fullName).replace(/^./u, (c) => c.toUpperCase()),
    centreLocation: null,
    bounds: null,
    areaCode: null,
    emailDomain: 'motcua.example',
  };
}

const SUMMER = { from: '05-01', to: '09-30' };
const MORNING_SUMMER = { open: '07:30', close: '11:30' };
const AFTERNOON_SUMMER = { open: '13:30', close: '16:30' };
const MORNING_WINTER = { open: '07:45', close: '11:45' };
const AFTERNOON_WINTER = { open: '13:15', close: '16:15' };

function week(morning: { open: string; close: string }, afternoon: { open: string; close: string }, saturday: boolean): Week {
  const day = [morning, afternoon];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: saturday ? [morning] : [], sun: [] };
}

/**
 * Summer (1 May – 30 September) and winter sessions; winter is the regular week and is also listed as two
 * seasons so every date falls in exactly one season whether or not a reader wraps ranges over the new year.
 */
function hours(saturday: boolean, calendar: HolidayCalendar): OpeningHours {
  const winter = week(MORNING_WINTER, AFTERNOON_WINTER, saturday);
  return {
    week: winter,
    seasons: [
      { name: 'Mùa đông', from: '01-01', to: '04-30', week: winter },
      { name: 'Mùa hè', from: SUMMER.from, to: SUMMER.to, week: week(MORNING_SUMMER, AFTERNOON_SUMMER, saturday) },
      { name: 'Mùa đông', from: '10-01', to: '12-31', week: winter },
    ],
    closures: calendar.closures.slice(0, 400),
    extraWorkingDays: calendar.extraWorkingDays.slice(0, 50),
  };
}

// Fields a commune one-stop desk handles (by name, matched folded against the catalogue's fields).
const COMMUNE_FIELDS = [
  'Hộ tịch',
  'Chứng thực',
  'Đất đai',
  'Hoạt động xây dựng',
  'Bảo trợ xã hội',
  'Người có công',
  'Nuôi con nuôi',
  'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)',
  'Giảm nghèo',
  'Hòa giải ở cơ sở',
  'Chính sách',
];
const COMMUNE_AGENCIES = ['Ủy ban nhân dân cấp xã', 'Cơ quan quản lý đất đai cấp xã'];
const CENTRE_AGENCIES = [
  'Ủy ban nhân dân cấp tỉnh',
  'Sở Tư pháp',
  'Sở Xây dựng',
  'Sở Nông nghiệp và Môi trường',
  'Sở Tài chính',
  'Sở Nội vụ',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Công Thương',
  'Sở Khoa học và Công nghệ',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Văn phòng Đăng ký đất đai',
];

/** Deterministic fraction in [0, 1) from a string (FNV-1a), for demo values that must not change between runs. */
function unitHash(text: string, salt: number): number {
  return (fnv1a(text, 0x811c9dc5 ^ salt) % 1_000_003) / 1_000_003;
}

function ref(name: string): NamedRef {
  return { id: slugify(name), name };
}

function demoPhone(areaCode: string | null, index: number): string | null {
  if (areaCode === null) return null;
  const a = String(3800 + ((index * 37) % 200)).padStart(4, '0');
  const b = String((index * 271 + 123) % 1000).padStart(3, '0');
  return `${areaCode} ${a} ${b}`;
}

/** A demo spread inside the province box, kept 5 % away from its edges; null without a box. */
function demoLocation(bounds: DemoProvince['bounds'], code: string): Office['location'] {
  if (!bounds) return null;
  const { south, north, west, east } = bounds;
  const lat = south + (north - south) * (0.05 + 0.9 * unitHash(code, 1));
  const lng = west + (east - west) * (0.05 + 0.9 * unitHash(code, 2));
  return { lat: Math.round(lat * 10_000) / 10_000, lng: Math.round(lng * 10_000) / 10_000 };
}

// The commune-level unit's type word inside an office name or id.
/** A demo office of a ward (phường), not of a rural commune or a special zone: wards file more and are led by a phường's UBND. */
export function isWardOffice(office: Pick<Office, 'unit'>): boolean {
  return /^Phường /.test(office.unit.name);
}

const TYPE_WORD: Partial<Record<AdministrativeUnit['type'], string>> = { ward: 'phường', 'special-zone': 'đặc khu' };

/**
 * The demo offices: the provincial centre (Monday–Friday and Saturday morning) and one office per current
 * commune-level unit, named as Nghị định 118/2025/NĐ-CP names them (`Trung tâm Phục vụ hành chính công xã …`,
 * `… phường …`, `… đặc khu …`), with the former units each now serves. Ids keep the pre-2025 form
 * (`ubnd-xa-…`) so links to an office stay valid. `fields` is the catalogue's field list: communes get the fields of a
 * commune desk that exist in it, the centre gets all of them.
 */
export function demoOffices(
  units: readonly AdministrativeUnit[],
  fields: readonly NamedRef[],
  calendar: HolidayCalendar,
  province: DemoProvince = LANG_SON_DEMO,
): Office[] {
  const provinceUnit = units.find((u) => u.level === 'province' && u.validTo === null);
  if (!provinceUnit) throw new RangeError('No current province unit among the units');
  const byFoldedName = new Map(fields.map((f) => [fold(f.name), f]));
  const communeFields = COMMUNE_FIELDS.map((n) => byFoldedName.get(fold(n))).filter((f): f is NamedRef => f !== undefined);
  const channels: Office['channels'] = ['in_person', 'online', 'postal'];

  const centre: Office = {
    id: province.centreId,
    name: province.centreName,
    kind: 'provincial_centre',
    unit: { code: provinceUnit.code, name: provinceUnit.fullName },
    formerUnits: [],
    address: province.centreAddress,
    phone: demoPhone(province.areaCode, 0),
    email: `${province.centreId}@${province.emailDomain}`,
    website: null,
    location: province.centreLocation && { ...province.centreLocation },
    hours: hours(true, calendar),
    fields: fields.map((f) => ({ id: f.id, name: f.name })),
    agencies: CENTRE_AGENCIES.map(ref),
    channels,
    demo: true,
  };

  const communes = units
    .filter((u) => u.level === 'commune' && u.validTo === null)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((unit, i): Office => {
      const short = `${TYPE_WORD[unit.type] ?? 'xã'} ${unit.name}`;
      const id = slugify(`UBND ${short}`);
      return {
        id,
        name: `Trung tâm Phục vụ hành chính công ${short}`,
        kind: 'commune_centre',
        unit: { code: unit.code, name: unit.fullName },
        formerUnits: unit.predecessors.map((p) => ({ ...p })),
        address: `${unit.fullName}, ${provinceInText(provinceUnit.fullName)}`,
        phone: demoPhone(province.areaCode, i + 1),
        email: `${id}@${province.emailDomain}`,
        website: null,
        location: demoLocation(province.bounds, unit.code),
        hours: hours(false, calendar),
        fields: communeFields.map((f) => ({ id: f.id, name: f.name })),
        agencies: COMMUNE_AGENCIES.map(ref),
        channels,
        demo: true,
      };
    });

  return [centre, ...communes];
}
