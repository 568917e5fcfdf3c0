/**
 * An oracle of the rules the contract states beyond shapes, written from the rules' wording (not from the
 * contract's code), so a test can tell whether an answer the SDK accepted really keeps them. Returns what
 * `value` breaks, as `path: rule`.
 */
/**
 * json-schema-faker options of the generated-body tests (SDK in Node, widgets in Chromium): small lists and
 * strings, and dates on both sides of the contract's plausible range (2000 to five years from now).
 */
export const GENERATOR_OPTIONS = {
  seed: 15,
  maxItems: 2,
  maxDepth: 12,
  refDepthMax: 12,
  maxLength: 40,
  optionalsProbability: 0.7,
  minDateTime: '1990-01-01',
  maxDateTime: '2040-12-31',
};

const FIVE_YEARS_MS = 5 * 365.25 * 24 * 3600 * 1000;

function plausible(text: string): boolean {
  const year = Number(text.slice(0, 4));
  return year >= 2000 && new Date(text).getTime() <= Date.now() + FIVE_YEARS_MS;
}

const isNumber = (v: unknown): v is number => typeof v === 'number';

function objectRules(o: Record<string, unknown>): string[] {
  const broken: string[] = [];
  const counts = o.counts as Record<string, number> | undefined;
  if (counts && isNumber(o.total)) {
    if (Object.values(counts).reduce((a, b) => a + b, 0) !== o.total) broken.push('counts sum to total');
    if ((o.satisfiedRate === null) !== (o.total === 0)) broken.push('satisfiedRate null exactly when total is 0');
  }
  if (isNumber(o.settled) && isNumber(o.settledOnTime) && isNumber(o.settledLate)) {
    if (o.settledOnTime + o.settledLate !== o.settled) broken.push('on time + late = settled');
    if ((o.onTimeRate === null) !== (o.settled === 0)) broken.push('onTimeRate null exactly when settled is 0');
    if (isNumber(o.settledEarly) && o.settledEarly > o.settledOnTime) broken.push('early ≤ on time or early');
  }
  if (typeof o.open === 'string' && typeof o.close === 'string' && !(o.open < o.close)) broken.push('opens before it closes');
  if (/^\d{4}-\d\d-\d\d$/.test(String(o.from)) && /^\d{4}-\d\d-\d\d$/.test(String(o.to))) {
    if (String(o.from) > String(o.to)) broken.push('period starts on or before its end');
    if (!plausible(String(o.from)) || !plausible(String(o.to))) broken.push('period dates plausible');
  }
  if (o.status === 10 && 'returnedAt' in o && o.returnedAt === null) broken.push('returned dossier has returnedAt');
  if (typeof o.receivedAt === 'string' && 'finishedAt' in o) {
    const at = (v: unknown) => (typeof v === 'string' ? new Date(v).getTime() : null);
    const received = at(o.receivedAt)!;
    const finished = at(o.finishedAt);
    const returned = at(o.returnedAt);
    if ((finished !== null && finished < received) || (returned !== null && returned < (finished ?? received))) broken.push('received, finished, returned in order');
  }
  for (const [key, v] of Object.entries(o)) {
    if ((key.endsWith('At') || key === 'date') && typeof v === 'string' && !plausible(v)) broken.push(`${key} plausible`);
  }
  if (Array.isArray(o.items) && Array.isArray(o.schedules)) {
    const count = o.schedules.length;
    if (!o.items.every((item: { schedule?: unknown }) => isNumber(item.schedule) && item.schedule < count)) broken.push('every schedule index points into schedules');
  }
  for (const key of ['levels', 'channels'] as const) {
    const list = o[key];
    if (Array.isArray(list) && new Set(list).size !== list.length) broken.push(`${key} distinct`);
  }
  if (Array.isArray(o.extraWorkingDays) && !o.extraWorkingDays.every((d) => plausible(String(d)))) broken.push('working days plausible');
  if (Array.isArray(o.monthly)) {
    const months = o.monthly.map((m) => String((m as { month: unknown }).month));
    if (months.some((m, i) => i > 0 && !(months[i - 1]! < m))) broken.push('months sorted, each once');
  }
  return broken;
}

export function brokenInvariants(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => brokenInvariants(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  return [
    ...objectRules(o).map((rule) => `${path || '(root)'}: ${rule}`),
    ...Object.entries(o).flatMap(([key, v]) => brokenInvariants(v, path ? `${path}.${key}` : key)),
  ];
}
