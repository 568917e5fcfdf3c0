/**
 * Procedure import: reads a file or stream in any of the shapes procedures come in (JSON Lines, a JSON array,
 * the portal's `{ data: [...] }` envelope, a single record; gzip or not), normalises every record and reports
 * what was used, what was rejected and why. Rows are handed out one by one so a caller can store them as they
 * come; nothing is thrown for bad content.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { normalizeProcedure } from './procedure-import.js';
import type { CatalogueProcedure } from './types.js';

/** What the importer accepts: whole text, bytes, an iterable of lines (strings) or of byte chunks. */
export type ImportInput =
  | string
  | Uint8Array
  | Iterable<string>
  | AsyncIterable<string>
  | AsyncIterable<Uint8Array>;

/** How the input was laid out. */
export type ImportInputFormat = 'jsonl' | 'json-array' | 'json-envelope' | 'json-object' | 'empty';

/** One record's outcome; `row` is the line number (JSON Lines) or the 1-based position in the array. */
export type ImportRowResult =
  | { row: number; ok: true; value: CatalogueProcedure; warnings: string[] }
  | { row: number; ok: false; code?: string; reasons: string[] };

export interface RejectedRow {
  row: number;
  code?: string;
  reasons: string[];
}

export interface ImportReport {
  /** Records read (blank lines are not records). */
  read: number;
  used: number;
  rejected: RejectedRow[];
  /** Total number of warnings over the used records. */
  warnings: number;
  input: { format: ImportInputFormat; gzip: boolean };
  /** Used records per source format (`dvcqg-api-json`, `page-text-scrape`, `dvcqg-portal-json`…). */
  sourceFormats: Record<string, number>;
}

export interface ImportOptions {
  /** Longest accepted line or document, in characters. Default 32 MiB. */
  maxLength?: number;
}

const GZIP_MAGIC = [0x1f, 0x8b];
const ARRAY_KEYS = ['data', 'items', 'list', 'content', 'results', 'procedures', 'rows', 'records'];

/** A file on disk as an input for {@link importProcedures} (bytes, so gzip is detected). */
export function fileInput(path: string): AsyncIterable<Uint8Array> {
  return createReadStream(path);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** The first element again, then the rest of an iterator already started. */
async function* prepend<T>(first: T, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/** Bytes → text lines, gunzipping first when the data starts with the gzip magic number. */
async function* byteLines(chunks: AsyncIterable<Uint8Array>, state: { gzip: boolean }): AsyncGenerator<string> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = first.value;
  const rest = prepend(head, iterator);
  state.gzip = head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  const source: AsyncIterable<Uint8Array> = state.gzip ? Readable.from(rest).pipe(createGunzip()) : rest;
  const decoder = new TextDecoder('utf-8');
  let buffered = '';
  for await (const chunk of source) {
    buffered += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      yield buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
    }
  }
  buffered += decoder.decode();
  if (buffered !== '') yield buffered;
}

async function* textLines(input: ImportInput, state: { gzip: boolean }): AsyncGenerator<string> {
  if (typeof input === 'string') {
    yield* input.split('\n');
  } else if (input instanceof Uint8Array) {
    yield* byteLines((async function* () { yield input; })(), state);
  } else if (isAsyncIterable(input)) {
    const iterator = (input as AsyncIterable<string | Uint8Array>)[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (first.done) return;
    const all = prepend(first.value, iterator);
    if (typeof first.value === 'string') {
      // An iterable of strings is a sequence of lines (what `readline` yields).
      for await (const line of all) yield* String(line).split('\n');
    } else {
      yield* byteLines(all as AsyncIterable<Uint8Array>, state);
    }
  } else {
    for (const line of input) yield* line.split('\n');
  }
}

function guessCode(text: string): string | undefined {
  return /"code"\s*:\s*"([0-9]\.[0-9]{6}(?:\.[A-Z0-9]{1,10})?)"/.exec(text.slice(0, 4000))?.[1];
}

/** The records of a whole JSON document: an array, an envelope holding one, or one record. */
function documentRecords(doc: unknown): { format: ImportInputFormat; records: unknown[] } {
  if (Array.isArray(doc)) return { format: 'json-array', records: doc };
  if (typeof doc === 'object' && doc !== null) {
    const obj = doc as Record<string, unknown>;
    for (const key of ARRAY_KEYS) {
      const value = obj[key];
      if (Array.isArray(value)) return { format: 'json-envelope', records: value };
      if (typeof value === 'object' && value !== null) {
        for (const inner of ARRAY_KEYS) {
          const nested = (value as Record<string, unknown>)[inner];
          if (Array.isArray(nested)) return { format: 'json-envelope', records: nested };
        }
      }
    }
  }
  return { format: 'json-object', records: [doc] };
}

/**
 * A running import: iterate it (once) for the per-row results; `report` is complete when iteration ends.
 *
 * @example
 * const run = importProcedures(fileInput('procedures.jsonl.gz'));
 * for await (const row of run) if (row.ok) store(row.value);
 * console.log(run.report); // { read: 2006, used: 2006, rejected: [], warnings: 1479, … }
 */
export class ProcedureImport implements AsyncIterable<ImportRowResult> {
  readonly report: ImportReport = {
    read: 0,
    used: 0,
    rejected: [],
    warnings: 0,
    input: { format: 'empty', gzip: false },
    sourceFormats: {},
  };
  #started = false;

  constructor(
    private readonly input: ImportInput,
    private readonly options: ImportOptions = {},
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<ImportRowResult> {
    if (this.#started) throw new Error('An import can be iterated only once');
    this.#started = true;
    return this.#rows();
  }

  /** Run the whole import and return the used procedures with the report. */
  async collect(): Promise<{ items: CatalogueProcedure[]; report: ImportReport }> {
    const items: CatalogueProcedure[] = [];
    for await (const row of this) if (row.ok) items.push(row.value);
    return { items, report: this.report };
  }

  async *#rows(): AsyncGenerator<ImportRowResult> {
    const maxLength = this.options.maxLength ?? 32 * 1024 * 1024;
    const state = { gzip: false };
    const seen = new Map<string, number>();
    const lines = textLines(this.input, state);
    let lineNo = 0;
    let mode: 'unknown' | 'jsonl' | 'document' = 'unknown';
    let documentText: string[] = [];
    let documentLength = 0;
    let tooLong = false;

    for await (const rawLine of lines) {
      lineNo++;
      const line = (lineNo === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine).replace(/\r$/, '');
      if (mode === 'unknown') {
        if (line.trim() === '') continue;
        mode = this.#chooseMode(line);
      }
      if (mode === 'document') {
        documentLength += line.length + 1;
        if (documentLength > maxLength) tooLong = true;
        else documentText.push(line);
        continue;
      }
      if (line.trim() === '') continue;
      this.report.input.format = 'jsonl';
      yield this.#record(lineNo, line, maxLength, seen);
    }
    this.report.input.gzip = state.gzip;
    if (mode !== 'document') return;

    const rowResult = (row: number, reasons: string[]): ImportRowResult => {
      this.report.read++;
      this.report.rejected.push({ row, reasons });
      return { row, ok: false, reasons };
    };
    if (tooLong) {
      this.report.input.format = 'json-object';
      yield rowResult(1, [`document longer than ${maxLength} characters`]);
      return;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(documentText.join('\n'));
    } catch (error) {
      this.report.input.format = 'json-object';
      yield rowResult(1, [`file is not valid JSON: ${(error as Error).message}`]);
      return;
    }
    documentText = [];
    const { format, records } = documentRecords(doc);
    this.report.input.format = format;
    for (const [i, record] of records.entries()) yield this.#normalized(i + 1, record, seen);
  }

  #chooseMode(firstLine: string): 'jsonl' | 'document' {
    const trimmed = firstLine.trim();
    if (trimmed.startsWith('[')) return 'document';
    if (!trimmed.startsWith('{')) return 'jsonl';
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      // A one-line envelope holding a list is a document, not a record.
      return documentRecords(parsed).format === 'json-envelope' ? 'document' : 'jsonl';
    } catch {
      // A pretty-printed object spans lines.
      return 'document';
    }
  }

  #record(row: number, line: string, maxLength: number, seen: Map<string, number>): ImportRowResult {
    if (line.length > maxLength) {
      this.report.read++;
      const rejected: RejectedRow = { row, reasons: [`line longer than ${maxLength} characters`] };
      this.report.rejected.push(rejected);
      return { ok: false, ...rejected };
    }
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      this.report.read++;
      const code = guessCode(line);
      const rejected: RejectedRow = { row, reasons: [`line is not valid JSON: ${(error as Error).message}`], ...(code ? { code } : {}) };
      this.report.rejected.push(rejected);
      return { ok: false, ...rejected };
    }
    return this.#normalized(row, record, seen);
  }

  #normalized(row: number, record: unknown, seen: Map<string, number>): ImportRowResult {
    this.report.read++;
    const result = normalizeProcedure(record);
    if (!result.ok) {
      const rejected: RejectedRow = { row, reasons: result.reasons, ...(result.code ? { code: result.code } : {}) };
      this.report.rejected.push(rejected);
      return { ok: false, ...rejected };
    }
    const code = result.value.procedure.code;
    const first = seen.get(code);
    if (first !== undefined) {
      const rejected: RejectedRow = { row, code, reasons: [`duplicate procedure code ${code} (first at row ${first})`] };
      this.report.rejected.push(rejected);
      return { ok: false, ...rejected };
    }
    seen.set(code, row);
    this.report.used++;
    this.report.warnings += result.warnings.length;
    const format = result.value.sourceFormat;
    this.report.sourceFormats[format] = (this.report.sourceFormats[format] ?? 0) + 1;
    return { row, ok: true, value: result.value, warnings: result.warnings };
  }
}

/**
 * Import procedures from text (a whole file's content), bytes, lines, or a byte stream such as
 * {@link fileInput}. Gzip, JSON Lines, a JSON array, the portal's `{ data: [...] }` envelope and a single record
 * are recognised. Iterate the result for per-row outcomes; read `.report` at the end, or call `.collect()`.
 */
export function importProcedures(input: ImportInput, options: ImportOptions = {}): ProcedureImport {
  return new ProcedureImport(input, options);
}
