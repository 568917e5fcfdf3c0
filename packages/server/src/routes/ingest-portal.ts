/**
 * The national public service portal's sync format (Cổng Dịch vụ công quốc gia), as provincial one-stop systems
 * already send it (e.g. OpenCPS's DVCQG integration): `{ "service": "DongBoHoSoMC" | "CapNhatTienDoHoSoMC",
 * "data": [...] }`, string values, dates as `yyyyMMddHHmmss` in Vietnam time, answered with `error_code`
 * ("00" = success). Each item becomes a row of the batch API (`ingest-batch.ts`), so the rules, the per-row
 * results and the re-sending guarantees are the same.
 *
 * Personal data is reduced the moment an item is read: `ChuHoSo` masked, `SoDienThoai` and the ID number
 * (`SoGiayToChuHoSo`, `SoCMND`, `MaDoiTuong`) cut to their last 4 digits (stored only as a keyed hash),
 * `Email`, `Fax` and the officer's name (`NguoiXuLy`) dropped. None of them is stored, answered or logged in clear.
 */
import { fold, isDossierStatus, isSettled, statusLabel, Text } from '@motcua/sdk';
import type { DossierStatus, ProblemIssue } from '@motcua/sdk';
import * as z from 'zod/mini';
import type { AppContext } from '../context.js';
import { listOffices } from '../db/offices.js';
import { defineRoute } from '../http/route.js';
import type { Route } from '../http/route.js';
import { maskName } from '../privacy/mask.js';
import { lastFourDigits } from '../privacy/verification.js';
import { applyBatch, BatchOutcome, MAX_BATCH_ROWS } from './ingest-batch.js';

export const PORTAL_SERVICES = ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC'] as const;

export const PortalRequest = z.object({
  service: z.literal(PORTAL_SERVICES),
  /** Sent by DongBoHoSoMC clients; each item is created or updated whatever it says. */
  isUpdating: z.optional(z.union([z.boolean(), z.string()])),
  session: z.optional(z.string()),
  madonvi: z.optional(z.string()),
  data: z.array(z.record(z.string(), z.unknown())).check(z.minLength(1), z.maxLength(MAX_BATCH_ROWS)),
});
export type PortalRequest = z.infer<typeof PortalRequest>;

/** "00" applied; "01" not applied (the message says why). The answer's own code is "00" only when every item is. */
const ErrorCode = z.literal(['00', '01']);

export const PortalResponse = z.object({
  error_code: ErrorCode,
  message: Text(500),
  results: z.array(
    z.object({
      MaHoSo: z.nullable(Text(64)),
      error_code: ErrorCode,
      outcome: BatchOutcome,
      message: z.optional(Text(2000)),
    }),
  ).check(z.maxLength(MAX_BATCH_ROWS)),
});
export type PortalResponse = z.infer<typeof PortalResponse>;

type Item = Record<string, unknown>;

/** A non-empty trimmed string of a portal field (numbers accepted), else null. */
function str(item: Item, field: string): string | null {
  const value = item[field];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

class ItemError extends Error {
  constructor(readonly issue: ProblemIssue) {
    super(issue.message);
  }
}

/** `yyyyMMddHHmmss` (Vietnam time) → ISO 8601 with +07:00; empty → null; anything else is refused. */
export function portalDate(item: Item, field: string, at: string): string | null {
  const text = str(item, field);
  if (text === null) return null;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  const [y, mo, d, h, mi, s] = (m?.slice(1) ?? []).map(Number) as number[];
  const valid = m && new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!)).toISOString().slice(0, 19) ===
    `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  if (!valid) throw new ItemError({ path: `${at}.${field}`, message: 'Invalid date: expected yyyyMMddHHmmss (Vietnam time)' });
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00`;
}

/** The national status code 1–10; 0 (handled through inter-agency exchange, "liên thông") is in progress (4). */
function portalStatus(item: Item, field: string, at: string): DossierStatus {
  const code = Number(str(item, field) ?? NaN);
  if (code === 0) return 4;
  if (!isDossierStatus(code)) throw new ItemError({ path: `${at}.${field}`, message: 'Unknown status: expected 0–10' });
  return code;
}

const ID_FIELDS = ['SoGiayToChuHoSo', 'SoCMND', 'MaDoiTuong'];

/** A DongBoHoSoMC item as a batch upsert row, personal data already reduced. */
function dossierRow(item: Item, at: string, officeByName: ReadonlyMap<string, { id: string; unit: string }>) {
  const supplements = Array.isArray(item.DanhSachHoSoBoSung) ? (item.DanhSachHoSoBoSung as unknown[]) : [];
  const newAppointment = supplements
    .map((s, i) => (s && typeof s === 'object' ? portalDate(s as Item, 'NgayHenTraMoi', `${at}.DanhSachHoSoBoSung[${i}]`) : null))
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1);
  const receivedAt = portalDate(item, 'NgayTiepNhan', at);
  if (receivedAt === null) throw new ItemError({ path: `${at}.NgayTiepNhan`, message: 'Required: the reception date' });
  const status = portalStatus(item, 'TrangThaiHoSo', at);
  const returnedAt = portalDate(item, 'NgayTra', at);
  const phone = lastFourDigits(str(item, 'SoDienThoai'));
  const idField = ID_FIELDS.find((f) => lastFourDigits(str(item, f)) !== null);
  const office = officeByName.get(fold(str(item, 'DonViXuLy') ?? ''));
  return {
    op: 'upsert' as const,
    code: str(item, 'MaHoSo') ?? '',
    procedureCode: str(item, 'MaTTHC') ?? '',
    ...(str(item, 'TenTTHC') ? { procedureName: str(item, 'TenTTHC')!.slice(0, 1000) } : {}),
    status,
    receivedAt,
    appointmentAt: newAppointment ?? portalDate(item, 'NgayHenTra', at),
    finishedAt: portalDate(item, 'NgayKetThucXuLy', at) ?? (isSettled(status) ? returnedAt : null),
    returnedAt,
    applicant: {
      // No ChuHoSo (a progress-only resend): the stored name is kept.
      ...(str(item, 'ChuHoSo') ? { name: maskName(str(item, 'ChuHoSo')!) } : {}),
      ...(phone ? { phone } : {}),
      ...(idField ? { idNumber: lastFourDigits(str(item, idField))! } : {}),
    },
    officeId: office?.id ?? null,
    unitCode: office?.unit ?? null,
  };
}

/** A CapNhatTienDoHoSoMC item as a batch event row (the officer's name is not kept). */
function progressRow(item: Item, at: string) {
  const status = portalStatus(item, 'TrangThai', at);
  const when = portalDate(item, 'ThoiDiemXuLy', at);
  if (when === null) throw new ItemError({ path: `${at}.ThoiDiemXuLy`, message: 'Required: when the step was taken' });
  return {
    op: 'event' as const,
    code: str(item, 'MaHoSo') ?? '',
    event: {
      at: when,
      action: (str(item, 'NoiDungXuLy') ?? statusLabel(status)).slice(0, 500),
      unit: str(item, 'PhongBanXuLy')?.slice(0, 300) ?? null,
      officerTitle: str(item, 'ChucDanh')?.slice(0, 200) ?? null,
      status,
    },
  };
}

/** Map the items, apply them as one batch, and answer in the portal's convention. */
export async function applyPortalRequest(ctx: AppContext, request: PortalRequest): Promise<PortalResponse> {
  const offices = await listOffices(ctx.db, {});
  const officeByName = new Map(offices.map((o) => [fold(o.name), { id: o.id, unit: o.unit.code }]));
  const failures = new Map<number, ProblemIssue>();
  const rows = request.data.map((item, i) => {
    try {
      return request.service === 'DongBoHoSoMC' ? dossierRow(item, `data[${i}]`, officeByName) : progressRow(item, `data[${i}]`);
    } catch (error) {
      if (!(error instanceof ItemError)) throw error;
      failures.set(i, error.issue);
      return null;
    }
  });
  const applicable = rows.flatMap((row, i) => (row ? [{ row, i }] : []));
  const batch = await applyBatch(ctx, applicable.map((a) => a.row));
  const byItem = new Map(batch.results.map((r, k) => [applicable[k]!.i, r]));
  const results = request.data.map((item, i) => {
    const maHoSo = str(item, 'MaHoSo')?.slice(0, 64) ?? null;
    const failure = failures.get(i);
    const result = byItem.get(i);
    if (failure || !result || result.outcome === 'rejected') {
      const issues = failure ? [failure] : (result?.errors ?? []).map((e) => ({ ...e, path: e.path.replace(/^body\[\d+\]/, `data[${i}]`) }));
      return { MaHoSo: maHoSo, error_code: '01' as const, outcome: 'rejected' as const, message: issues.map((e) => `${e.path}: ${e.message}`).join('; ').slice(0, 2000) };
    }
    return { MaHoSo: result.code ?? maHoSo, error_code: '00' as const, outcome: result.outcome };
  });
  const rejected = results.filter((r) => r.error_code !== '00').length;
  return {
    error_code: rejected === 0 ? '00' : '01',
    message: rejected === 0 ? 'Thành công' : `${rejected}/${results.length} hồ sơ không được cập nhật`,
    results,
  };
}

export const ingestPortalRoutes: readonly Route[] = [
  defineRoute({
    method: 'POST',
    url: '/v1/ingest/dvcqg',
    tag: 'ingest',
    summary: 'Sync in the national portal format (DongBoHoSoMC, CapNhatTienDoHoSoMC), answered with error_code',
    description:
      'The payloads provincial one-stop systems send to the national public service portal, up to 1,000 items. ' +
      'Each item is mapped onto a dossier or a history event and applied as a row of /v1/ingest/batch; ' +
      '`error_code` is "00" when every item was applied, "01" otherwise, and each result says why. Names are ' +
      'masked and phone and ID numbers cut to their last 4 digits before anything is stored.',
    body: PortalRequest,
    responses: { 200: { schema: PortalResponse, description: 'A result per item, in order' } },
    errors: [400, 401, 413, 415],
    caching: 'no-store',
    security: 'ingestKey',
    rateLimit: 'ingest',
    handler: ({ body }, ctx) => applyPortalRequest(ctx, body),
  }),
];
