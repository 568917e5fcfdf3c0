/**
 * Fixed demonstration dossiers, one per national status code, at the provincial centre. Their codes, statuses
 * and verification digits are documented so tests, the README and a live demo can look them up (Lạng Sơn's;
 * another province's carry its code and agency identifier, e.g. `000.00.38.H00-261127-0001` for Thanh Hóa):
 *
 * | code | status | phone / ID last 4 |
 * |---|---|---|
 * | 000.00.20.H37-261127-0001 | 1 Mới đăng ký | 1001 / 2001 |
 * | 000.00.20.H37-261126-0001 | 2 Được tiếp nhận | 1002 / 2002 |
 * | 000.00.20.H37-261110-0001 | 3 Không được tiếp nhận | 1003 / 2003 |
 * | 000.00.20.H37-261123-0001 | 4 Đang xử lý | 1004 / 2004 |
 * | 000.00.20.H37-261124-0001 | 5 Yêu cầu bổ sung giấy tờ | 1005 / 2005 |
 * | 000.00.20.H37-261125-0001 | 6 Yêu cầu thực hiện nghĩa vụ tài chính | 1006 / 2006 |
 * | 000.00.20.H37-261104-0001 | 7 Công dân yêu cầu rút hồ sơ | 1007 / 2007 |
 * | 000.00.20.H37-261026-0001 | 8 Dừng xử lý | 1008 / 2008 |
 * | 000.00.20.H37-261116-0001 | 9 Đã xử lý xong | 1009 / 2009 |
 * | 000.00.20.H37-261005-0001 | 10 Đã trả kết quả | 1010 / 2010 |
 *
 * Appointment dates are the received date plus the procedure's working days (no holidays fall in Oct–Dec 2026).
 */
import type { DossierStatus, HistoryEvent } from '@motcua/sdk';
import { maskName } from '../privacy/mask.js';
import type { StoredDossier } from '../db/types.js';
import { provinceAgencyCode } from './office-shares.js';
import { receptionTime } from './reception.js';

const CENTRE_ID = 'trung-tam-pvhcc-tinh';
const CENTRE = 'Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn';
const RECEIVER = 'Chuyên viên tiếp nhận và trả kết quả';
const PROVINCE = '20';

const PRIVATE_ENTERPRISE = { code: '2.001610', name: 'Đăng ký thành lập doanh nghiệp tư nhân', agency: 'Sở Tài chính tỉnh Lạng Sơn' };
// 1.115663: a copy without another province's agency and with the same 10 working days (1.115465 is Bắc Ninh's,
// excluded by the catalogue fitness rules).
const LOST_CERTIFICATE = { code: '1.115663', name: 'Cấp lại Giấy chứng nhận do bị mất', agency: 'Văn phòng Đăng ký đất đai tỉnh Lạng Sơn' };
const PARCEL_SPLIT = { code: '1.115490', name: 'Tách thửa hoặc hợp thửa đất', agency: 'Văn phòng Đăng ký đất đai tỉnh Lạng Sơn' };
const CERTIFICATE_EXCHANGE = {
  code: '1.115492',
  name: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
  agency: 'Văn phòng Đăng ký đất đai tỉnh Lạng Sơn',
};

const t = (date: string, time: string) => `${date}T${time}:00+07:00`;
const event = (at: string, action: string, status: DossierStatus | null, unit: string | null = CENTRE, officerTitle: string | null = RECEIVER): HistoryEvent => ({
  at,
  action,
  unit,
  officerTitle,
  status,
});

interface DemoSpec {
  status: DossierStatus;
  date: string;
  name: string;
  procedure: { code: string; name: string; agency: string };
  appointment: string | null;
  finished: string | null;
  returned: string | null;
  history: HistoryEvent[];
}

function received(date: string, time: string): HistoryEvent {
  return event(t(date, time), 'Tiếp nhận hồ sơ', 2);
}
function assigned(date: string, time: string, agency: string): HistoryEvent {
  return event(t(date, time), 'Chuyển hồ sơ đến cơ quan giải quyết', 4, agency, 'Chuyên viên phòng chuyên môn');
}

const SPECS: DemoSpec[] = [
  {
    status: 1,
    date: '2026-11-27',
    name: 'Nguyễn Văn An',
    procedure: PRIVATE_ENTERPRISE,
    appointment: null,
    finished: null,
    returned: null,
    history: [event(t('2026-11-27', '20:15'), 'Nộp hồ sơ trực tuyến', 1, null, null)],
  },
  {
    status: 2,
    date: '2026-11-26',
    name: 'Trần Thị Bình',
    procedure: PRIVATE_ENTERPRISE,
    appointment: t('2026-12-01', '16:15'),
    finished: null,
    returned: null,
    history: [received('2026-11-26', '09:10')],
  },
  {
    status: 3,
    date: '2026-11-10',
    name: 'Hoàng Văn Cường',
    procedure: PRIVATE_ENTERPRISE,
    appointment: null,
    finished: null,
    returned: null,
    history: [
      event(t('2026-11-10', '08:05'), 'Nộp hồ sơ trực tuyến', 1, null, null),
      event(t('2026-11-10', '10:20'), 'Không tiếp nhận: hồ sơ thiếu bản sao giấy tờ pháp lý của chủ doanh nghiệp', 3),
    ],
  },
  {
    status: 4,
    date: '2026-11-23',
    name: 'Lê Thị Dung',
    procedure: LOST_CERTIFICATE,
    appointment: t('2026-12-07', '16:15'),
    finished: null,
    returned: null,
    history: [received('2026-11-23', '08:30'), assigned('2026-11-23', '10:00', LOST_CERTIFICATE.agency)],
  },
  {
    status: 5,
    date: '2026-11-24',
    name: 'Nông Văn Hải',
    procedure: PARCEL_SPLIT,
    appointment: t('2026-12-03', '16:15'),
    finished: null,
    returned: null,
    history: [
      received('2026-11-24', '14:00'),
      assigned('2026-11-24', '15:30', PARCEL_SPLIT.agency),
      event(t('2026-11-25', '09:45'), 'Yêu cầu bổ sung: trích đo địa chính thửa đất', 5, PARCEL_SPLIT.agency, 'Chuyên viên phòng chuyên môn'),
    ],
  },
  {
    status: 6,
    date: '2026-11-25',
    name: 'Phạm Minh Hùng',
    procedure: CERTIFICATE_EXCHANGE,
    appointment: t('2026-11-30', '16:15'),
    finished: null,
    returned: null,
    history: [
      received('2026-11-25', '09:00'),
      assigned('2026-11-25', '10:30', CERTIFICATE_EXCHANGE.agency),
      event(t('2026-11-26', '15:00'), 'Yêu cầu thực hiện nghĩa vụ tài chính (lệ phí cấp Giấy chứng nhận)', 6, CERTIFICATE_EXCHANGE.agency, 'Chuyên viên phòng chuyên môn'),
    ],
  },
  {
    status: 7,
    date: '2026-11-04',
    name: 'Lương Thị Lan',
    procedure: LOST_CERTIFICATE,
    appointment: t('2026-11-18', '16:15'),
    finished: null,
    returned: null,
    history: [
      received('2026-11-04', '09:20'),
      assigned('2026-11-04', '11:00', LOST_CERTIFICATE.agency),
      event(t('2026-11-06', '14:10'), 'Công dân yêu cầu rút hồ sơ', 7),
    ],
  },
  {
    status: 8,
    date: '2026-10-26',
    name: 'Vi Văn Long',
    procedure: PARCEL_SPLIT,
    appointment: t('2026-11-04', '16:15'),
    finished: null,
    returned: null,
    history: [
      received('2026-10-26', '08:45'),
      assigned('2026-10-26', '10:15', PARCEL_SPLIT.agency),
      event(t('2026-10-30', '16:00'), 'Dừng xử lý: thửa đất đang có tranh chấp', 8, PARCEL_SPLIT.agency, 'Lãnh đạo phòng chuyên môn'),
    ],
  },
  {
    status: 9,
    date: '2026-11-16',
    name: 'Đỗ Thị Mai',
    procedure: PRIVATE_ENTERPRISE,
    appointment: t('2026-11-19', '16:15'),
    finished: t('2026-11-18', '15:20'),
    returned: null,
    history: [
      received('2026-11-16', '09:30'),
      assigned('2026-11-16', '10:45', PRIVATE_ENTERPRISE.agency),
      event(t('2026-11-18', '15:20'), 'Đã xử lý xong, chờ trả kết quả', 9, PRIVATE_ENTERPRISE.agency, 'Lãnh đạo phòng chuyên môn'),
    ],
  },
  {
    status: 10,
    date: '2026-10-05',
    name: 'Hà Văn Nam',
    procedure: CERTIFICATE_EXCHANGE,
    appointment: t('2026-10-08', '16:15'),
    finished: t('2026-10-07', '10:40'),
    returned: t('2026-10-08', '09:00'),
    history: [
      received('2026-10-05', '08:15'),
      assigned('2026-10-05', '09:30', CERTIFICATE_EXCHANGE.agency),
      event(t('2026-10-07', '10:40'), 'Đã xử lý xong, chuyển trả kết quả', 9, CERTIFICATE_EXCHANGE.agency, 'Lãnh đạo phòng chuyên môn'),
      event(t('2026-10-08', '09:00'), 'Trả kết quả cho công dân', 10),
    ],
  },
];

/** Where a province's fixed demonstration dossiers are filed. */
export interface DemoPlace {
  /** 2-digit province code. */
  province: string;
  /** Province part of the agency identifier (`H37`; see `provinceAgencyCode`). */
  agencyCode: string;
  /** The province as written inside a name: "tỉnh Thanh Hóa", "thành phố Hà Nội". */
  inText: string;
  centre: { id: string; name: string };
}

const LANG_SON: DemoPlace = { province: PROVINCE, agencyCode: provinceAgencyCode({ code: PROVINCE }), inText: 'tỉnh Lạng Sơn', centre: { id: CENTRE_ID, name: CENTRE } };

/**
 * The demonstration dossiers (see the table above) of any province: the same statuses, dates, procedures and
 * verification digits, filed at that province's centre with its agency identifier and its agencies' names.
 */
export function demoDossiersFor(place: DemoPlace): StoredDossier[] {
  const localUnit = (unit: string | null) =>
    unit === null ? null : unit === CENTRE ? place.centre.name : unit.replace(LANG_SON.inText, place.inText);
  return SPECS.map((s) => ({
    code: `000.00.${place.province}.${place.agencyCode}-${s.date.slice(2).replaceAll('-', '')}-0001`,
    nationalCode: null,
    procedureCode: s.procedure.code,
    procedureName: s.procedure.name,
    status: s.status,
    receivedAt: receptionTime(s.history),
    appointmentAt: s.appointment,
    finishedAt: s.finished,
    returnedAt: s.returned,
    applicantMasked: maskName(s.name),
    phoneLast4: `10${String(s.status).padStart(2, '0')}`,
    idLast4: `20${String(s.status).padStart(2, '0')}`,
    officeId: place.centre.id,
    unitCode: place.province,
    history: s.history.map((e) => ({ ...e, unit: localUnit(e.unit) })),
  }));
}

/** Lạng Sơn's demonstration dossiers (see the table above). */
export const DEMO_DOSSIERS: readonly StoredDossier[] = demoDossiersFor(LANG_SON);
