/**
 * How the contract is built, pinned: what it infers, the few zod kinds it uses, and the ISO formats it checks.
 *
 * Other packages build on `z.infer<typeof X>`; the schemas may change how they are built (to ship fewer zod kinds
 * to browsers) but never what they infer. Those assertions are types, so a runtime test type-checks this very file
 * with the repository's compiler options and fails on any diagnostic: a changed type fails `node --test` too.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as z from 'zod/mini';
import { toIssues } from '../src/client/validate.js';
import * as contract from '../src/contract/index.js';
import type * as c from '../src/contract/index.js';

/** True only when A and B are the same type (not merely mutually assignable). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Both the parsed (output) and the accepted (input) type of `S` are exactly `T`. */
type Infers<S extends z.ZodMiniType, T> = [Equals<z.output<S>, T>, Equals<z.input<S>, T>] extends [true, true] ? true : false;
/** Compiles only when given `true`. */
type Pin<T extends true> = T;

type LocaleT = 'vi' | 'en';
type ChannelT = 'in_person' | 'online' | 'postal';
interface NamedRefT {
  id: string;
  name: string;
}
type TextRunT = string | { text: string; href: string };
type BlockT =
  | { type: 'paragraph'; content: TextRunT[] }
  | { type: 'heading'; content: TextRunT[] }
  | { type: 'list'; ordered: boolean; items: TextRunT[][] };
type ProblemCodeT = (typeof c.PROBLEM_CODES)[number];
interface ProblemT {
  type: string;
  title: string;
  status: number;
  code: ProblemCodeT;
  detail?: string | undefined;
  instance?: string | undefined;
  errors?: { path: string; message: string }[] | undefined;
  retryAfter?: number | undefined;
}
type ProcedureLevelT = 'central' | 'province' | 'commune';
type OnlineLevelT = 'full' | 'partial' | 'none';
type TimeUnitT = 'working_days' | 'days' | 'hours' | 'months' | 'years';
interface ProcessingTimeT {
  value: number | null;
  unit: TimeUnitT | null;
  note?: string | undefined;
}
interface FeeT {
  kind: 'fee' | 'charge' | 'price';
  amountVnd: number | null;
  description?: string | undefined;
}
interface SubmissionMethodT {
  channel: ChannelT;
  processingTime: ProcessingTimeT;
  fees: FeeT[];
  description?: string | undefined;
}
interface FormTemplateT {
  name: string;
  url: string | null;
}
interface DossierComponentT {
  name: string;
  originals: number;
  copies: number;
  required: boolean;
  forms: FormTemplateT[];
}
interface DossierCaseT {
  title: string | null;
  components: DossierComponentT[];
}
interface LegalDocumentT {
  number: string | null;
  title: string;
}
interface ProcedureSummaryT {
  code: string;
  name: string;
  field: NamedRefT | null;
  levels: ProcedureLevelT[];
  agency: NamedRefT | null;
  online: OnlineLevelT | null;
}
interface ProcedureT extends ProcedureSummaryT {
  methods: SubmissionMethodT[];
  cases: DossierCaseT[];
  steps: BlockT[];
  requirements: BlockT[];
  results: BlockT[];
  legalBasis: LegalDocumentT[];
  subjects: string[];
  applyOnlineUrl: string | null;
  sourceUrl: string | null;
  decisionNo: string | null;
}
interface ProcedureSearchQueryT {
  q?: string | undefined;
  level?: ProcedureLevelT | undefined;
  field?: string | undefined;
  agency?: string | undefined;
  online?: OnlineLevelT | undefined;
  unit?: string | undefined;
}
interface FieldListQueryT {
  level?: ProcedureLevelT | undefined;
}
interface FieldT {
  id: string;
  code: string | null;
  name: string;
  procedureCount: number;
}
interface AgencyT {
  id: string;
  name: string;
  level: ProcedureLevelT | null;
  procedureCount: number;
}
type UnitTypeT = 'province' | 'city' | 'district' | 'town' | 'ward' | 'commune' | 'township' | 'special-zone';
type UnitLevelT = 'province' | 'district' | 'commune';
interface UnitRefT {
  code: string;
  type: UnitTypeT;
  name: string;
  fullName: string;
  merge?: 'full' | 'partial' | undefined;
}
interface AdministrativeUnitT {
  code: string;
  type: UnitTypeT;
  level: UnitLevelT;
  name: string;
  fullName: string;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  predecessors: UnitRefT[];
  successors: UnitRefT[];
}
interface UnitListQueryT {
  level?: UnitLevelT | undefined;
  status?: 'current' | 'former' | 'all' | undefined;
  parent?: string | undefined;
  q?: string | undefined;
}
interface UnitMatchT {
  unit: AdministrativeUnitT;
  via: UnitRefT | null;
  score: number;
}
interface UnitResolutionT {
  query: string;
  matches: UnitMatchT[];
}
type OfficeKindT = 'provincial_centre' | 'commune_centre' | 'one_stop';
interface SessionT {
  open: string;
  close: string;
}
interface WeekT {
  mon: SessionT[];
  tue: SessionT[];
  wed: SessionT[];
  thu: SessionT[];
  fri: SessionT[];
  sat: SessionT[];
  sun: SessionT[];
}
interface SeasonT {
  name: string;
  from: string;
  to: string;
  week: WeekT;
}
interface ClosureT {
  date: string;
  name: string;
}
interface OpeningHoursT {
  week: WeekT;
  seasons: SeasonT[];
  closures: ClosureT[];
  extraWorkingDays: string[];
}
interface CoordinatesT {
  lat: number;
  lng: number;
}
interface OfficeT {
  id: string;
  name: string;
  kind: OfficeKindT;
  unit: { code: string; name: string };
  formerUnits: UnitRefT[];
  address: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  location: CoordinatesT | null;
  hours: OpeningHoursT;
  fields: NamedRefT[];
  agencies: NamedRefT[];
  channels: ChannelT[];
  demo: boolean;
}
interface OfficeListQueryT {
  q?: string | undefined;
  kind?: OfficeKindT | undefined;
  unit?: string | undefined;
  field?: string | undefined;
}
interface HistoryEventT {
  at: string;
  action: string;
  unit: string | null;
  officerTitle: string | null;
  status: number | null;
}
interface DossierViewT {
  code: string;
  nationalCode: string | null;
  procedure: { code: string; name: string };
  status: number;
  receivedAt: string;
  appointmentAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  applicant: string;
  office: { id: string; name: string } | null;
  unit: { code: string; name: string } | null;
  history: HistoryEventT[];
  rated: boolean;
}
type RatingLevelT = 'very_satisfied' | 'satisfied' | 'dissatisfied';
type RatingIndicatorT = (typeof c.RATING_INDICATORS)[number];
type RatingTargetT = { type: 'dossier'; code: string } | { type: 'office'; id: string };
interface RatingSubmissionT {
  target: RatingTargetT;
  level: RatingLevelT;
  comment?: string | undefined;
  indicators?: Partial<Record<RatingIndicatorT, 0 | 1 | 2>> | undefined;
  website?: string | undefined;
}
interface RatingReceiptT {
  id: string;
  target: RatingTargetT;
  level: RatingLevelT;
  createdAt: string;
}
type SummaryScopeT =
  | { type: 'province'; code: string; name: string }
  | { type: 'unit'; code: string; name: string }
  | { type: 'office'; id: string; name: string };
interface PeriodT {
  from: string;
  to: string;
}
interface RatingSummaryT {
  scope: SummaryScopeT;
  period: PeriodT;
  total: number;
  counts: { very_satisfied: number; satisfied: number; dissatisfied: number };
  satisfiedRate: number | null;
}
interface ScopeQueryT {
  unit?: string | undefined;
  office?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}
interface StatsFiguresT {
  received: number;
  settled: number;
  settledOnTime: number;
  settledEarly: number;
  settledLate: number;
  onTimeRate: number | null;
  overdue: number;
  inProgress: number;
}
interface MonthlyFiguresT extends StatsFiguresT {
  month: string;
}
interface StatsT extends StatsFiguresT {
  scope: SummaryScopeT;
  period: PeriodT;
  monthly: MonthlyFiguresT[];
}
interface ServiceInfoT {
  apiVersion: 'v1';
  province: { code: string; name: string };
  dossierVerification: 'off' | 'required';
  demo: boolean;
}
interface HistoryEventInputT {
  at: string;
  action: string;
  unit?: string | null | undefined;
  officerTitle?: string | null | undefined;
  status?: number | null | undefined;
}
interface DossierUpsertT {
  code: string;
  nationalCode?: string | null | undefined;
  procedureCode: string;
  procedureName?: string | undefined;
  status: number;
  receivedAt: string;
  appointmentAt?: string | null | undefined;
  finishedAt?: string | null | undefined;
  returnedAt?: string | null | undefined;
  applicant: { name?: string | undefined; phone?: string | undefined; idNumber?: string | undefined };
  officeId?: string | null | undefined;
  unitCode?: string | null | undefined;
  history?: HistoryEventInputT[] | undefined;
}

// common, rich text, problem, page
export type CommonTypes = [
  Pin<Infers<typeof c.Timestamp, string>>,
  Pin<Infers<typeof c.CalendarDate, string>>,
  Pin<Infers<typeof c.ProcedureCode, string>>,
  Pin<Infers<typeof c.UnitCode, string>>,
  Pin<Infers<typeof c.Slug, string>>,
  Pin<Infers<ReturnType<typeof c.Text>, string>>,
  Pin<Infers<typeof c.SafeUrl, string>>,
  Pin<Infers<typeof c.Locale, LocaleT>>,
  Pin<Infers<typeof c.Channel, ChannelT>>,
  Pin<Infers<typeof c.NamedRef, NamedRefT>>,
  Pin<Infers<typeof c.TextRun, TextRunT>>,
  Pin<Infers<typeof c.Block, BlockT>>,
  Pin<Infers<typeof c.RichText, BlockT[]>>,
  Pin<Infers<typeof c.ProblemCode, ProblemCodeT>>,
  Pin<Infers<typeof c.ProblemIssue, { path: string; message: string }>>,
  Pin<Infers<typeof c.Problem, ProblemT>>,
  Pin<Infers<typeof c.Cursor, string>>,
  Pin<Infers<typeof c.Limit, number>>,
  Pin<Infers<ReturnType<typeof c.Page<typeof c.Field>>, { items: FieldT[]; nextCursor: string | null; total: number }>>,
  Pin<Infers<ReturnType<typeof c.Collection<typeof c.Field>>, { items: FieldT[] }>>,
];
// procedures
export type ProcedureTypes = [
  Pin<Infers<typeof c.ProcedureLevel, ProcedureLevelT>>,
  Pin<Infers<typeof c.OnlineLevel, OnlineLevelT>>,
  Pin<Infers<typeof c.TimeUnit, TimeUnitT>>,
  Pin<Infers<typeof c.ProcessingTime, ProcessingTimeT>>,
  Pin<Infers<typeof c.FeeKind, 'fee' | 'charge' | 'price'>>,
  Pin<Infers<typeof c.Fee, FeeT>>,
  Pin<Infers<typeof c.SubmissionMethod, SubmissionMethodT>>,
  Pin<Infers<typeof c.FormTemplate, FormTemplateT>>,
  Pin<Infers<typeof c.DossierComponent, DossierComponentT>>,
  Pin<Infers<typeof c.DossierCase, DossierCaseT>>,
  Pin<Infers<typeof c.LegalDocument, LegalDocumentT>>,
  Pin<Infers<typeof c.ProcedureSummary, ProcedureSummaryT>>,
  Pin<Infers<typeof c.Procedure, ProcedureT>>,
  Pin<Infers<typeof c.ProcedureSearchQuery, ProcedureSearchQueryT>>,
];
// catalogue, offices
export type CatalogueTypes = [
  Pin<Infers<typeof c.Field, FieldT>>,
  Pin<Infers<typeof c.FieldListQuery, FieldListQueryT>>,
  Pin<Infers<typeof c.Agency, AgencyT>>,
  Pin<Infers<typeof c.UnitType, UnitTypeT>>,
  Pin<Infers<typeof c.UnitLevel, UnitLevelT>>,
  Pin<Infers<typeof c.MergeKind, 'full' | 'partial'>>,
  Pin<Infers<typeof c.UnitRef, UnitRefT>>,
  Pin<Infers<typeof c.AdministrativeUnit, AdministrativeUnitT>>,
  Pin<Infers<typeof c.UnitStatus, 'current' | 'former' | 'all'>>,
  Pin<Infers<typeof c.UnitListQuery, UnitListQueryT>>,
  Pin<Infers<typeof c.UnitMatch, UnitMatchT>>,
  Pin<Infers<typeof c.UnitResolution, UnitResolutionT>>,
  Pin<Infers<typeof c.OfficeKind, OfficeKindT>>,
  Pin<Infers<typeof c.Session, SessionT>>,
  Pin<Infers<typeof c.Week, WeekT>>,
  Pin<Infers<typeof c.Season, SeasonT>>,
  Pin<Infers<typeof c.Closure, ClosureT>>,
  Pin<Infers<typeof c.OpeningHours, OpeningHoursT>>,
  Pin<Infers<typeof c.Coordinates, CoordinatesT>>,
  Pin<Infers<typeof c.Office, OfficeT>>,
  Pin<Infers<typeof c.OfficeListQuery, OfficeListQueryT>>,
];
// dossiers, ratings, statistics, service info, ingest
export type DossierRatingStatsTypes = [
  Pin<Infers<typeof c.DossierStatusCode, number>>,
  Pin<Infers<typeof c.DossierCodeInput, string>>,
  Pin<Infers<typeof c.VerificationFactor, string>>,
  Pin<Infers<typeof c.HistoryEvent, HistoryEventT>>,
  Pin<Infers<typeof c.DossierView, DossierViewT>>,
  Pin<Infers<typeof c.RatingLevel, RatingLevelT>>,
  Pin<Infers<typeof c.RatingIndicator, RatingIndicatorT>>,
  Pin<Infers<typeof c.IndicatorScore, 0 | 1 | 2>>,
  Pin<Infers<typeof c.RatingTarget, RatingTargetT>>,
  Pin<Infers<typeof c.RatingSubmission, RatingSubmissionT>>,
  Pin<Infers<typeof c.RatingReceipt, RatingReceiptT>>,
  Pin<Infers<typeof c.SummaryScope, SummaryScopeT>>,
  Pin<Infers<typeof c.Period, PeriodT>>,
  Pin<Infers<typeof c.RatingSummary, RatingSummaryT>>,
  Pin<Infers<typeof c.ScopeQuery, ScopeQueryT>>,
  Pin<Infers<typeof c.StatsFigures, StatsFiguresT>>,
  Pin<Infers<typeof c.MonthlyFigures, MonthlyFiguresT>>,
  Pin<Infers<typeof c.Stats, StatsT>>,
  Pin<Infers<typeof c.ServiceInfo, ServiceInfoT>>,
  Pin<Infers<typeof c.HistoryEventInput, HistoryEventInputT>>,
  Pin<Infers<typeof c.DossierUpsert, DossierUpsertT>>,
];
// The exported type aliases are the inferred types.
export type AliasTypes = [
  Pin<Equals<c.Procedure, ProcedureT>>,
  Pin<Equals<c.Office, OfficeT>>,
  Pin<Equals<c.DossierView, DossierViewT>>,
  Pin<Equals<c.RatingSubmission, RatingSubmissionT>>,
  Pin<Equals<c.Stats, StatsT>>,
  Pin<Equals<c.Page<FieldT>, { items: FieldT[]; nextCursor: string | null; total: number }>>,
];

test('the contract infers exactly the pinned types (this file type-checks)', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const configFile = ts.readConfigFile(`${root}tsconfig.json`, (path) => ts.sys.readFile(path));
  assert.equal(configFile.error, undefined);
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const program = ts.createProgram([fileURLToPath(import.meta.url)], { ...options, noEmit: true, incremental: false });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  assert.deepEqual(diagnostics, []);
});

/** Every zod schema the contract exports, with its name (not the checks it exports: `INTEGER`, `distinct`…). */
const schemas = Object.entries(contract as Record<string, unknown>).filter((entry): entry is [string, z.ZodMiniType] => {
  const value: unknown = entry[1];
  return typeof value === 'object' && value !== null && '_zod' in value && 'type' in (value as z.ZodMiniType)._zod.def;
});

/**
 * The zod kinds the contract may use: each other kind costs browsers hundreds of bytes (see contract/index.ts).
 * No `number_format` check: `z.int()` ships zod's number-format module (≈350 B gzip); the contract's `Int` does not.
 */
const KINDS = new Set(['object', 'string', 'number', 'boolean', 'literal', 'union', 'array', 'optional', 'nullable', 'never']);
const CHECKS = new Set(['min_length', 'max_length', 'string_format', 'greater_than', 'less_than', 'custom']);

/** The kinds and checks used by `schema` and everything inside it, as `Kind at path` strings that break the rule. */
function strayKinds(schema: z.ZodMiniType, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  const found: string[] = [];
  if (!KINDS.has(def.type)) found.push(`${def.type} at ${path}`);
  if ('discriminator' in def) found.push(`discriminated union at ${path}`);
  if (schema._zod.traits.has('$ZodISODateTime') || schema._zod.traits.has('$ZodISODate')) found.push(`z.iso at ${path}`);
  for (const check of def.checks ?? []) {
    const kind = (check._zod.def as { check: string }).check;
    if (!CHECKS.has(kind)) found.push(`check ${kind} at ${path}`);
  }
  const inner: [string, unknown][] = [];
  if (def.type === 'object') inner.push(...Object.entries(def.shape as object), ['(catchall)', def.catchall]);
  if (def.type === 'array') inner.push(['[]', def.element]);
  if (def.type === 'optional' || def.type === 'nullable') inner.push(['', def.innerType]);
  if (def.type === 'union') inner.push(...(def.options as unknown[]).map((o, i): [string, unknown] => [`|${i}`, o]));
  for (const [key, child] of inner) {
    if (child) found.push(...strayKinds(child as z.ZodMiniType, key ? `${path}.${key}` : path, seen));
  }
  return found;
}

test('the contract uses only the zod kinds it means to ship to browsers', () => {
  assert.ok(schemas.length > 60, `found ${schemas.length} schemas`);
  const stray = schemas.flatMap(([name, schema]) => strayKinds(schema, name));
  assert.deepEqual(stray, []);
});

/** Strings around the ISO date and time grammar: real dates, leap days, out-of-range fields, other separators. */
function* dateLikeStrings(): Generator<string> {
  const years = ['0000', '0004', '0100', '0400', '1900', '1996', '2000', '2023', '2024', '2025', '2100', '2400', '9999', '202', '20245'];
  for (let y = 1890; y <= 2110; y++) years.push(String(y));
  const months = ['00', '01', '02', '03', '04', '06', '09', '10', '11', '12', '13', '1', '20'];
  const days = ['00', '01', '09', '10', '19', '20', '28', '29', '30', '31', '32', '1', '40'];
  for (const y of years) for (const m of months) for (const d of days) yield `${y}-${m}-${d}`;
  const times = ['00:00:00', '23:59:59', '24:00:00', '12:60:00', '12:00:60', '08:30', '8:30:00', '08:30:00.5', '08:30:00.123456789', '08:30:00.', '19:45:00'];
  const zones = ['Z', 'z', '+07:00', '-07:00', '+00:00', '+23:59', '+24:00', '-12:60', '+0700', '+07', '', ' +07:00'];
  for (const date of ['2024-02-29', '2025-02-28', '2025-02-29', '2026-12-31', '2026-04-31']) {
    for (const sep of ['T', 't', ' ']) for (const time of times) for (const zone of zones) yield `${date}${sep}${time}${zone}`;
  }
  yield* ['', 'T', '2026-02-17T08:30:00+07:00\n', ' 2026-02-17', '2026-02-17 ', '2026/02/17', '２０２６-02-17'];
}

test('Timestamp and CalendarDate accept exactly what z.iso.datetime({ offset: true }) and z.iso.date() accept', () => {
  const isoDateTime = z.iso.datetime({ offset: true });
  const isoDate = z.iso.date();
  let accepted = 0;
  for (const text of dateLikeStrings()) {
    const date = isoDate.safeParse(text).success;
    const dateTime = isoDateTime.safeParse(text).success;
    assert.equal(contract.CalendarDate.safeParse(text).success, date, text);
    assert.equal(contract.Timestamp.safeParse(text).success, dateTime, text);
    accepted += Number(date) + Number(dateTime);
  }
  assert.ok(accepted > 5000, 'the corpus holds valid values too');
});

test('Timestamp and CalendarDate report a datetime or date format, not a raw pattern', () => {
  const at = contract.Timestamp.safeParse('2026-02-17 08:30:00');
  const on = contract.CalendarDate.safeParse('2025-02-29');
  assert.equal(at.success || at.error.issues[0]?.code === 'invalid_format' && at.error.issues[0].format, 'datetime');
  assert.equal(on.success || on.error.issues[0]?.code === 'invalid_format' && on.error.issues[0].format, 'date');
});

/** The client's issues for `value` against `schema` (none when it is valid). */
function issuesOf(schema: z.ZodMiniType, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? [] : toIssues(result.error.issues);
}

test('tagged unions (z.union, not z.discriminatedUnion) still report the tag, or the option the tag chose', () => {
  const rating = { level: 'satisfied' };
  assert.deepEqual(issuesOf(contract.RatingSubmission, { ...rating, target: { type: 'person', id: 'x' } }), [
    { path: 'target.type', message: 'Invalid option: expected one of "dossier"|"office"' },
  ]);
  assert.deepEqual(issuesOf(contract.RatingSubmission, { ...rating, target: { type: 'office', code: 'x' } }), [
    { path: 'target.id', message: 'Invalid input: expected string' },
  ]);
  assert.deepEqual(issuesOf(contract.RatingSubmission, { ...rating, target: null }), [
    { path: 'target', message: 'Invalid input: expected object' },
  ]);
  assert.deepEqual(issuesOf(contract.Block, { type: 'list', ordered: true, items: [['a', { text: 'b', href: 'javascript:x' }]] }), [
    { path: 'items[0][1].href', message: `Invalid string: must match pattern ${new RegExp(contract.SAFE_URL_PATTERN, 'i')}` },
  ]);
  assert.deepEqual(issuesOf(contract.TextRun, 42), [{ path: '', message: 'Invalid input: expected one of string|object' }]);
});

test('rating indicators: any subset of the nine, scored 0–2, nothing else, no explicit undefined', () => {
  const submission = (indicators: unknown) => ({ target: { type: 'office', id: 'x' }, level: 'satisfied', indicators });
  assert.deepEqual(issuesOf(contract.RatingSubmission, submission({})), []);
  assert.deepEqual(issuesOf(contract.RatingSubmission, submission({ online_service: 2, attitude: 0 })), []);
  assert.deepEqual(issuesOf(contract.RatingSubmission, submission({ online_service: 3 })), [
    { path: 'indicators.online_service', message: 'Invalid option: expected one of 0|1|2' },
  ]);
  assert.deepEqual(issuesOf(contract.RatingSubmission, submission({ online_service: undefined })), [
    { path: 'indicators.online_service', message: 'Invalid option: expected one of 0|1|2' },
  ]);
  assert.deepEqual(issuesOf(contract.RatingSubmission, submission({ speed: 2 })), [
    { path: 'indicators', message: 'Unrecognized key(s): speed' },
  ]);
});
