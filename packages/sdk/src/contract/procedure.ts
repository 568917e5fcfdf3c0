import * as z from 'zod/mini';
import { Channel, Int, List, NamedRef, ProcedureCode, SafeUrl, Slug, Text, UnitCode } from './common.js';
import { distinct } from './rules.js';
import { RichText } from './rich-text.js';

/** Government levels that carry out a procedure. `central` = a ministry or national agency. */
export const ProcedureLevel = z.literal(['central', 'province', 'commune']);
export type ProcedureLevel = z.infer<typeof ProcedureLevel>;

/** Online level: `full` = toàn trình, `partial` = một phần, `none` = not online. */
export const OnlineLevel = z.literal(['full', 'partial', 'none']);
export type OnlineLevel = z.infer<typeof OnlineLevel>;

export const TimeUnit = z.literal(['working_days', 'days', 'hours', 'months', 'years']);
export type TimeUnit = z.infer<typeof TimeUnit>;

/** A processing time limit. `value`/`unit` are null when the source states it only in words (`note`). */
export const ProcessingTime = z.object({
  value: z.nullable(z.number().check(z.gte(0), z.lte(10_000))),
  unit: z.nullable(TimeUnit),
  note: z.optional(Text(2000)),
});
export type ProcessingTime = z.infer<typeof ProcessingTime>;

/** `fee` = phí, `charge` = lệ phí, `price` = a priced service (giá). */
export const FeeKind = z.literal(['fee', 'charge', 'price']);
export const Fee = z.object({
  kind: FeeKind,
  /** Amount in VND; null when it depends on the case (see description). */
  amountVnd: z.nullable(Int().check(z.gte(0))),
  description: z.optional(Text(4000)),
});
export type Fee = z.infer<typeof Fee>;

export const SubmissionMethod = z.object({
  channel: Channel,
  processingTime: ProcessingTime,
  fees: List(Fee, 50),
  description: z.optional(Text(4000)),
});
export type SubmissionMethod = z.infer<typeof SubmissionMethod>;

export const FormTemplate = z.object({ name: Text(500), url: z.nullable(SafeUrl) });
export type FormTemplate = z.infer<typeof FormTemplate>;

/** One item of the dossier to file (thành phần hồ sơ). */
export const DossierComponent = z.object({
  name: Text(4000),
  originals: Int().check(z.gte(0), z.lte(100)),
  copies: Int().check(z.gte(0), z.lte(100)),
  required: z.boolean(),
  forms: List(FormTemplate, 10),
});
export type DossierComponent = z.infer<typeof DossierComponent>;

/** Components grouped by case (trường hợp); `title` is null when the procedure has a single case. */
export const DossierCase = z.object({
  title: z.nullable(Text(2000)),
  components: List(DossierComponent, 200),
});
export type DossierCase = z.infer<typeof DossierCase>;

export const LegalDocument = z.object({
  /** Document number, e.g. `123/2015/NĐ-CP`; null when the source gives only a title. */
  number: z.nullable(Text(200)),
  title: Text(2000),
});
export type LegalDocument = z.infer<typeof LegalDocument>;

export const ProcedureSummary = z.object({
  code: ProcedureCode,
  name: Text(1000),
  field: z.nullable(NamedRef),
  levels: List(ProcedureLevel, 3).check(z.minLength(1), distinct),
  agency: z.nullable(NamedRef),
  /** null when the national portal does not state it. */
  online: z.nullable(OnlineLevel),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const Procedure = z.object({
  ...ProcedureSummary.shape,
  methods: List(SubmissionMethod, 20),
  cases: List(DossierCase, 30),
  steps: RichText,
  requirements: RichText,
  results: RichText,
  legalBasis: List(LegalDocument, 300),
  subjects: List(Text(300), 30),
  /** Where a citizen files online: the procedure's page on the national public service portal. */
  applyOnlineUrl: z.nullable(SafeUrl),
  /** The procedure's page at its source, for attribution. */
  sourceUrl: z.nullable(SafeUrl),
  decisionNo: z.nullable(Text(200)),
});
export type Procedure = z.infer<typeof Procedure>;

export const ProcedureSearchQuery = z.object({
  /** Free text as a citizen types it, with or without diacritics, or a procedure code. */
  q: z.optional(z.string().check(z.maxLength(200))),
  level: z.optional(ProcedureLevel),
  field: z.optional(Slug),
  agency: z.optional(Slug),
  online: z.optional(OnlineLevel),
  /**
   * The site's unit: a current commune or ward (5 digits) or the province (2 digits). Among near-equal matches
   * the variant of that unit's level ranks first; no level is filtered out (that is `level`), and a unit the
   * server does not know changes nothing.
   */
  unit: z.optional(UnitCode),
});
export type ProcedureSearchQuery = z.infer<typeof ProcedureSearchQuery>;

/** The national portal's apply-online page for a procedure code. */
export const applyOnlineUrl = (code: string): string =>
  `https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=${encodeURIComponent(code)}`;
