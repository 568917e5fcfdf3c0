/**
 * The dossiers the ingest benchmarks send (bench/ingest.ts, bench/national.ts): dossier `i` of a year of a
 * province, filed on day i mod 360 at one of four Lạng Sơn communes, with a history (4–6 events) that ends
 * settled and returned for most, as an agency's system would send it to `POST /v1/ingest/batch`.
 */
const UNITS = ['06220', '05983', '06463', '06613'];
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2025, 11, 1);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const at = (day: number, hour: number, minute = 0) => {
  const d = new Date(FIRST_DAY + day * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(hour)}:${pad(minute)}:00+07:00`;
};

/** Dossier `i` for one of `procedures` (codes of the catalogue), under `agency` (the code's first part). */
export function ingestRow(i: number, procedures: readonly string[], agency = '000.31.05.H37') {
  const day = i % 360;
  const d = new Date(FIRST_DAY + day * DAY_MS);
  const code = `${agency}-${pad(d.getUTCFullYear() % 100)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(Math.floor(i / 360) + 1, 4)}`;
  const history = [
    { at: at(day, 8, i % 60), action: 'Tiếp nhận hồ sơ', unit: 'Trung tâm Phục vụ hành chính công xã Công Sơn', officerTitle: 'Công chức tiếp nhận', status: 2 },
    { at: at(day, 9, i % 60), action: 'Chuyển xử lý', unit: 'Công chức Tư pháp - Hộ tịch', status: 4 },
  ];
  const settled = i % 10 !== 0;
  if (i % 7 === 0) history.push({ at: at(day + 1, 10), action: 'Yêu cầu bổ sung giấy tờ', unit: 'Công chức Tư pháp - Hộ tịch', status: 5 },
    { at: at(day + 2, 10), action: 'Đã bổ sung, tiếp tục xử lý', unit: 'Công chức Tư pháp - Hộ tịch', status: 4 });
  if (settled) history.push({ at: at(day + 3, 15), action: 'Đã xử lý xong', unit: 'Lãnh đạo UBND xã', status: 9 },
    { at: at(day + 4, 9), action: 'Trả kết quả', unit: 'Trung tâm Phục vụ hành chính công xã Công Sơn', status: 10 });
  return {
    code,
    procedureCode: procedures[i % procedures.length],
    status: history.at(-1)!.status,
    receivedAt: history[0]!.at,
    appointmentAt: at(day + 5, 16, 30),
    // A returned dossier carries its finish and return dates (the batch keeps the dossier's rules).
    ...(settled ? { finishedAt: at(day + 3, 15), returnedAt: at(day + 4, 9) } : {}),
    applicant: { name: 'Nguyễn Văn An', phone: `09${pad(i % 100_000_000, 8)}` },
    unitCode: UNITS[i % UNITS.length],
    history,
  };
}

