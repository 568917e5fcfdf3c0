/**
 * Valid response bodies for every client method, shaped like the reference server's answers (Lạng Sơn).
 * Each call returns a fresh copy, so a test may break one without affecting others.
 */
import type {
  AdministrativeUnit,
  Agency,
  DossierView,
  Field,
  Office,
  Procedure,
  ProcedureSummary,
  RatingReceipt,
  RatingSummary,
  ServiceInfo,
  Stats,
  UnitResolution,
} from '../src/index.js';

export const meta = (): ServiceInfo => ({
  apiVersion: 'v1',
  province: { code: '20', name: 'Tỉnh Lạng Sơn' },
  dossierVerification: 'required',
  demo: true,
});

export const summary = (code = '1.001193'): ProcedureSummary => ({
  code,
  name: 'Thủ tục đăng ký khai sinh',
  field: { id: 'ho-tich', name: 'Hộ tịch' },
  levels: ['commune'],
  agency: { id: 'ubnd-cap-xa', name: 'Ủy ban nhân dân cấp xã' },
  online: 'partial',
});

export const procedure = (): Procedure => ({
  ...summary('1.012753.H19'),
  methods: [
    {
      channel: 'in_person',
      processingTime: { value: 1, unit: 'working_days' },
      fees: [{ kind: 'charge', amountVnd: 0, description: 'Miễn lệ phí khi đăng ký đúng hạn' }],
    },
  ],
  cases: [
    {
      title: null,
      components: [
        {
          name: 'Tờ khai đăng ký khai sinh theo mẫu',
          originals: 1,
          copies: 0,
          required: true,
          forms: [{ name: 'Tờ khai đăng ký khai sinh', url: 'https://dichvucong.gov.vn/mau/to-khai.docx' }],
        },
      ],
    },
  ],
  steps: [
    { type: 'paragraph', content: ['Bước 1: Nộp hồ sơ tại ', { text: 'Cổng Dịch vụ công', href: 'https://dichvucong.gov.vn' }] },
    { type: 'list', ordered: true, items: [['Kiểm tra hồ sơ'], ['Trả kết quả']] },
  ],
  requirements: [],
  results: [{ type: 'paragraph', content: ['Giấy khai sinh'] }],
  legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch' }],
  subjects: ['Công dân Việt Nam'],
  applyOnlineUrl: 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.012753.H19',
  sourceUrl: null,
  decisionNo: '1234/QĐ-UBND',
});

export const field = (): Field => ({ id: 'ho-tich', code: 'G15-TP07', name: 'Hộ tịch', procedureCount: 42 });

export const agency = (): Agency => ({ id: 'ubnd-cap-xa', name: 'Ủy ban nhân dân cấp xã', level: 'commune', procedureCount: 310 });

export const unit = (): AdministrativeUnit => ({
  code: '05977',
  type: 'ward',
  level: 'commune',
  name: 'Đông Kinh',
  fullName: 'Phường Đông Kinh',
  parentCode: '20',
  validFrom: '2025-07-01',
  validTo: null,
  predecessors: [
    { code: '05977', type: 'ward', name: 'Vĩnh Trại', fullName: 'Phường Vĩnh Trại', merge: 'full' },
    { code: '05992', type: 'commune', name: 'Mai Pha', fullName: 'Xã Mai Pha', merge: 'full' },
  ],
  successors: [],
});

export const resolution = (): UnitResolution => ({
  query: 'Mai Pha',
  matches: [
    { unit: unit(), via: { code: '05992', type: 'commune', name: 'Mai Pha', fullName: 'Xã Mai Pha', merge: 'full' }, score: 1 },
  ],
});

const day = () => [
  { open: '07:30', close: '11:30' },
  { open: '13:30', close: '17:00' },
];

export const office = (): Office => ({
  id: 'tthcc-phuong-dong-kinh',
  name: 'Bộ phận Một cửa Phường Đông Kinh',
  kind: 'commune_centre',
  unit: { code: '05977', name: 'Phường Đông Kinh' },
  formerUnits: [{ code: '05992', type: 'commune', name: 'Mai Pha', fullName: 'Xã Mai Pha', merge: 'full' }],
  address: 'Số 1 đường Bà Triệu, Phường Đông Kinh, Tỉnh Lạng Sơn',
  phone: '0205 3 000 000',
  email: null,
  website: 'https://dongkinh.langson.gov.vn',
  location: { lat: 21.8537, lng: 106.7615 },
  hours: {
    week: { mon: day(), tue: day(), wed: day(), thu: day(), fri: day(), sat: [], sun: [] },
    seasons: [],
    closures: [{ date: '2026-09-02', name: 'Quốc khánh' }],
    extraWorkingDays: [],
  },
  fields: [{ id: 'ho-tich', name: 'Hộ tịch' }],
  agencies: [{ id: 'ubnd-cap-xa', name: 'Ủy ban nhân dân cấp xã' }],
  channels: ['in_person', 'online'],
  demo: true,
});

export const DOSSIER_CODE = '000.00.20.H37-200217-0001';

export const dossier = (): DossierView => ({
  code: DOSSIER_CODE,
  nationalCode: null,
  procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
  status: 4,
  receivedAt: '2026-02-17T08:30:00+07:00',
  appointmentAt: '2026-02-18T16:00:00+07:00',
  finishedAt: null,
  returnedAt: null,
  applicant: 'Nguyễn V. A*',
  office: { id: 'tthcc-phuong-dong-kinh', name: 'Bộ phận Một cửa Phường Đông Kinh' },
  unit: { code: '05977', name: 'Phường Đông Kinh' },
  history: [
    { at: '2026-02-17T08:30:00+07:00', action: 'Tiếp nhận hồ sơ', unit: 'Bộ phận Một cửa', officerTitle: 'Công chức tiếp nhận', status: 2 },
  ],
  rated: false,
});

export const receipt = (): RatingReceipt => ({
  id: 'r_01J9Z',
  target: { type: 'dossier', code: DOSSIER_CODE },
  level: 'satisfied',
  createdAt: '2026-02-18T09:00:00+07:00',
});

export const ratingSummary = (): RatingSummary => ({
  scope: { type: 'unit', code: '05977', name: 'Phường Đông Kinh' },
  period: { from: '2026-01-01', to: '2026-03-31' },
  total: 10,
  counts: { very_satisfied: 6, satisfied: 3, dissatisfied: 1 },
  satisfiedRate: 0.9,
});

const figures = () => ({ received: 120, settled: 100, settledOnTime: 95, settledEarly: 60, settledLate: 5, onTimeRate: 0.95, overdue: 2, inProgress: 18 });

export const stats = (): Stats => ({
  ...figures(),
  scope: { type: 'province', code: '20', name: 'Tỉnh Lạng Sơn' },
  period: { from: '2025-03-01', to: '2026-02-28' },
  monthly: [{ month: '2026-02', ...figures() }],
});
