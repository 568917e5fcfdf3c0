/**
 * One procedure record, in any of the shapes we meet, → the contract's `Procedure`:
 * - the clean rows of the seed data (`source.format = dvcqg-api-json`: `methods`, `documentsList`, `legalBasisList`),
 * - the scraped rows (`page-text-scrape`: glued table text, `None` strings, fees in the time column),
 * - the national portal's own JSON (`{ code: 'OK', data: { executionMethods, executionCases, … } }` or the bare `data`).
 * A bad record is answered with reasons, never an exception.
 */
import {
  applyOnlineUrl,
  PROCEDURE_CODE_PATTERN,
  Procedure,
  type LegalDocument,
  type NamedRef,
  type OnlineLevel,
  type ProcedureLevel,
  type RichText,
  type SubmissionMethod,
} from '@motcua/sdk';
import { safeHref } from './html.js';
import { casesFromList, casesFromPortal, casesFromText } from './procedure-documents.js';
import { joinSubjects, legalDocument, legalDocumentsFromText } from './procedure-fields.js';
import { fitMethods, methodsFromPortal, methodsFromSummary, methodsFromTable } from './procedure-methods.js';
import { toRichText } from './rich-text.js';
import { slugify } from './slug.js';
import { cleanText, oneLine, optionalLine, optionalText, truncate } from './text.js';
import type { CatalogueProcedure } from './types.js';

/** Result of {@link normalizeProcedure}. */
export type NormalizeResult =
  | { ok: true; value: CatalogueProcedure; warnings: string[] }
  | { ok: false; reasons: string[]; code?: string };

/** Source format label of records in the portal's own JSON shape. */
export const PORTAL_FORMAT = 'dvcqg-portal-json';

const CODE = new RegExp(PROCEDURE_CODE_PATTERN);
const LEVEL_ORDER: ProcedureLevel[] = ['central', 'province', 'commune'];
const LEVELS: Record<string, ProcedureLevel> = {
  ministry: 'central',
  central: 'central',
  'cấp bộ': 'central',
  province: 'province',
  'cấp tỉnh': 'province',
  commune: 'commune',
  ward: 'commune',
  'cấp xã': 'commune',
};
const ONLINE: Record<string, OnlineLevel> = {
  full: 'full',
  'toàn trình': 'full',
  partial: 'partial',
  'một phần': 'partial',
  none: 'none',
};

/** The fields the normaliser reads, whatever the source shape. */
interface Source {
  format: string;
  code: unknown;
  name: unknown;
  field: unknown;
  fieldCode: unknown;
  levels: unknown[];
  agency: unknown;
  online: OnlineLevel | null;
  timeText: string | null;
  feesText: string | null;
  structuredMethods: unknown;
  methodsTable: string | null;
  onlineSubmission: boolean | null;
  steps: RichText | string | null;
  documentsText: string | null;
  casesList: unknown;
  portalCases: unknown;
  requirements: unknown;
  legalList: unknown;
  legalText: string | null;
  results: unknown;
  subjects: unknown[];
  decisionNo: unknown;
  sourceUrl: unknown;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const names = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((x) => (isObject(x) ? optionalLine(x.name) : optionalLine(x))).filter((x): x is string => x !== null) : [];

function fromDataset(row: Obj): Source {
  const source = isObject(row.source) ? row.source : {};
  return {
    format: optionalLine(source.format) ?? 'dataset',
    code: row.code,
    name: row.name,
    field: row.field,
    fieldCode: row.fieldCode,
    levels: Array.isArray(row.level) ? row.level : typeof row.levelLabel === 'string' ? row.levelLabel.split(',') : [],
    agency: row.agency,
    online: typeof row.online === 'string' ? (ONLINE[row.online.trim().toLowerCase()] ?? null) : null,
    timeText: optionalText(row.processingTime),
    feesText: optionalText(row.fees),
    structuredMethods: row.methods,
    methodsTable: typeof row.methodsRaw === 'string' ? row.methodsRaw : null,
    onlineSubmission: typeof row.onlineSubmission === 'boolean' ? row.onlineSubmission : null,
    steps: optionalText(row.steps),
    documentsText: optionalText(row.documents),
    casesList: row.documentsList,
    portalCases: null,
    requirements: row.requirements,
    legalList: row.legalBasisList,
    legalText: optionalText(row.legalBasis),
    results: row.results,
    subjects: Array.isArray(row.subjects) ? row.subjects : [],
    decisionNo: row.decisionNo,
    sourceUrl: row.sourceUrl,
  };
}

function portalSteps(value: unknown): RichText | string | null {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return null;
  const blocks: RichText = [];
  for (const step of value) {
    if (!isObject(step)) continue;
    const title = optionalLine(step.name);
    if (title) blocks.push({ type: 'heading', content: [truncate(title, 2000)] });
    if (typeof step.description === 'string') blocks.push(...toRichText(step.description));
  }
  return blocks;
}

function fromPortal(data: Obj): Source {
  const methods = Array.isArray(data.executionMethods) ? data.executionMethods : [];
  const levels = [data.isMinistry === true && 'ministry', data.isProvince === true && 'province', data.isWard === true && 'commune'].filter(Boolean);
  const category = isObject(data.category) ? data.category : Array.isArray(data.categoriesDetails) && isObject(data.categoriesDetails[0]) ? data.categoriesDetails[0] : {};
  const agencies = [...names(data.unitGroupsExecuting), ...names(data.departmentsExecuting)];
  const proposal = isObject(data.procedureProposal) ? data.procedureProposal : {};
  const firstCase = Array.isArray(data.cases) && isObject(data.cases[0]) && isObject(data.cases[0].processingDay) ? data.cases[0].processingDay : null;
  const hasOnline = methods.some((m) => isObject(m) && String(m.submissionMethod ?? m.method).toUpperCase() === 'ONLINE');
  const id = optionalLine(data.id);
  return {
    format: PORTAL_FORMAT,
    code: data.code ?? data.codeNotation,
    name: data.name,
    field: category.name,
    fieldCode: category.code,
    levels,
    agency: agencies.length > 0 ? [...new Set(agencies)].join(', ') : optionalLine(data.executingAgencies),
    online: data.isFullProcess === true ? 'full' : hasOnline ? 'partial' : methods.length > 0 ? 'none' : null,
    timeText: firstCase && typeof firstCase.qty === 'number' && firstCase.type === 'WORKING_DAY' ? `${firstCase.qty} ngày làm việc` : null,
    feesText: null,
    structuredMethods: methods,
    methodsTable: null,
    onlineSubmission: hasOnline,
    steps: portalSteps(data.executionSteps ?? data.steps),
    documentsText: null,
    casesList: null,
    portalCases: data.executionCases,
    requirements: data.requirementsAndConditions ?? data.requirements,
    legalList: Array.isArray(data.legalBasisesDetails) ? data.legalBasisesDetails : data.legalBasisList,
    legalText: null,
    results: Array.isArray(data.resultsDetails) ? names(data.resultsDetails).join('\n') : data.results,
    subjects: Array.isArray(data.subjectTypesDetails) ? names(data.subjectTypesDetails) : Array.isArray(data.formalityTargetType) ? data.formalityTargetType : [],
    decisionNo: proposal.proposalNumber ?? data.decisionNo,
    sourceUrl: id && /^[0-9a-f-]{36}$/i.test(id) ? `https://dichvucong.gov.vn/thu-tuc-hanh-chinh/${id}` : data.sourceUrl,
  };
}

/** Recognise the record's shape; unwrap the portal's `{ code: 'OK', data: {…} }` envelope. */
function readSource(raw: unknown): Source | null {
  if (!isObject(raw)) return null;
  const inner = isObject(raw.data) && (raw.data.code !== undefined || raw.data.name !== undefined) ? raw.data : raw;
  const portal = ['executionMethods', 'executionCases', 'executionSteps', 'codeNotation', 'categoriesDetails'].some((k) => k in inner);
  return portal ? fromPortal(inner) : fromDataset(inner);
}

function levelsOf(values: unknown[], warn: (m: string) => void): ProcedureLevel[] {
  const found = new Set<ProcedureLevel>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const key = oneLine(value).toLowerCase();
    const level = LEVELS[key];
    if (level) found.add(level);
    else if (key !== '' && key !== 'cơ quan khác') warn(`unknown level ${JSON.stringify(value).slice(0, 40)} ignored`);
  }
  return LEVEL_ORDER.filter((l) => found.has(l));
}

function namedRef(value: unknown): NamedRef | null {
  const name = optionalLine(value);
  return name ? { id: slugify(name), name: truncate(name, 300) } : null;
}

/**
 * The implementing agency. A cell that lists many agencies keeps the first; a cell that holds other text (a glued
 * cell: line breaks, lowercase start, far too long) is dropped with a warning.
 */
function agencyOf(value: unknown, warn: (m: string) => void): NamedRef | null {
  if (typeof value !== 'string') return null;
  const text = cleanText(value);
  if (text === '' || /^none$/i.test(text)) return null;
  if (text.includes('\n') || /^[\p{Ll}]/u.test(text)) {
    warn('agency cell holds other text (glued cells); agency left unset');
    return null;
  }
  if (text.length <= 300) return namedRef(text);
  const first = text.split(/,\s+(?=\p{Lu})/u)[0]!;
  if (first.length > 300) {
    warn('agency name longer than 300 characters; agency left unset');
    return null;
  }
  warn('agency cell lists several agencies; the first was kept');
  return namedRef(first);
}

function richText(value: unknown, label: string, warn: (m: string) => void): RichText {
  if (Array.isArray(value)) return value as RichText;
  const text = typeof value === 'string' ? value : null;
  if (text === null || /^\s*none\s*$/i.test(text)) return [];
  return toRichText(text, (m) => warn(`${label}: ${m}`));
}

function methodsOf(src: Source, warn: (m: string) => void): SubmissionMethod[] {
  let methods = methodsFromPortal(src.structuredMethods, src.timeText, warn);
  if (methods.length === 0) methods = methodsFromTable(src.methodsTable, warn);
  if (methods.length === 0) methods = methodsFromSummary(src.timeText, src.feesText, src.onlineSubmission, warn);
  return fitMethods(methods, warn);
}

function legalOf(src: Source): LegalDocument[] {
  const fromList = Array.isArray(src.legalList)
    ? src.legalList
        .filter(isObject)
        .map((d) => legalDocument(optionalLine(d.code), optionalLine(d.name)))
        .filter((d): d is LegalDocument => d !== null)
    : [];
  const docs = fromList.length > 0 ? fromList : legalDocumentsFromText(src.legalText);
  return [...new Map(docs.map((d) => [`${d.number}|${d.title}`, d])).values()].slice(0, 300);
}

/**
 * Normalise one raw record into a catalogue entry. `ok: false` lists every reason the record cannot be used
 * (missing code or name, no level, or what the contract schema rejects); `ok: true` lists what was cleaned,
 * guessed or dropped on the way. Never throws.
 */
export function normalizeProcedure(raw: unknown): NormalizeResult {
  try {
    return normalize(raw);
  } catch (error) {
    // A defect here must cost one row, not the import.
    return { ok: false, reasons: [`internal error while normalising: ${(error as Error)?.message ?? String(error)}`] };
  }
}

function normalize(raw: unknown): NormalizeResult {
  const src = readSource(raw);
  if (!src) return { ok: false, reasons: ['record is not a JSON object'] };
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  const reasons: string[] = [];

  const code = typeof src.code === 'string' ? src.code.trim() : typeof src.code === 'number' ? String(src.code) : '';
  if (code === '') reasons.push('code: missing');
  else if (!CODE.test(code)) reasons.push(`code: ${JSON.stringify(code.slice(0, 40))} is not a procedure code (d.dddddd)`);

  const fullName = optionalLine(src.name);
  if (!fullName) reasons.push('name: missing');
  else if (fullName.length > 1000) warn(`name shortened from ${fullName.length} to 1000 characters`);

  const levels = levelsOf(src.levels, warn);
  if (levels.length === 0) reasons.push('levels: none of central/province/commune stated');
  if (reasons.length > 0) return code ? { ok: false, reasons, code } : { ok: false, reasons };

  const online = src.online;
  const procedure: Procedure = {
    code,
    name: truncate(fullName!, 1000),
    field: namedRef(src.field),
    levels,
    agency: agencyOf(src.agency, warn),
    online,
    methods: methodsOf(src, warn),
    cases: [],
    steps: richText(src.steps, 'steps', warn),
    requirements: richText(src.requirements, 'requirements', warn),
    results: richText(src.results, 'results', warn),
    legalBasis: legalOf(src),
    subjects: [],
    applyOnlineUrl: online === 'none' ? null : applyOnlineUrl(code),
    sourceUrl: typeof src.sourceUrl === 'string' ? safeHref(src.sourceUrl.trim()) : null,
    decisionNo: optionalLine(src.decisionNo) ? truncate(optionalLine(src.decisionNo)!, 200) : null,
  };

  const listed = src.portalCases ? casesFromPortal(src.portalCases, warn) : casesFromList(src.casesList, warn);
  procedure.cases = listed.length > 0 ? listed : casesFromText(src.documentsText, warn);

  const subjects = joinSubjects(src.subjects);
  if (subjects.length > 30) warn(`subjects cut from ${subjects.length} to 30`);
  procedure.subjects = subjects.slice(0, 30);

  if (procedure.methods.length === 0) warn('no submission method, processing time or fee stated');
  if (typeof src.sourceUrl === 'string' && src.sourceUrl.trim() !== '' && procedure.sourceUrl === null) warn('source URL dropped (not http/https)');

  const checked = Procedure.safeParse(procedure);
  if (!checked.success) {
    return {
      ok: false,
      code,
      reasons: checked.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`),
    };
  }
  return {
    ok: true,
    value: { procedure: checked.data, fieldCode: optionalLine(src.fieldCode), sourceFormat: src.format },
    warnings,
  };
}
