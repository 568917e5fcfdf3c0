/**
 * Rows of a province's own data files, the way an IT team keeps them: a CSV export of a spreadsheet (comma or
 * semicolon separated, quoted cells, a UTF-8 byte-order mark, CRLF) or JSON (an array, or an object holding one
 * under a usual key). Each row is a record of strings, numbers or nested values, numbered from 1 as in the file.
 */

/** A row with its number in the file (the header is row 1 of a CSV, so data starts at 2; JSON counts from 1). */
export interface InputRow {
  row: number;
  values: Record<string, unknown>;
}

const ARRAY_KEYS = ['data', 'items', 'rows', 'records', 'offices', 'days'];

/** The cells of a CSV text, quotes and doubled quotes handled; the separator is the header's most common. */
function csvCells(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Parse CSV (header row first) into rows of trimmed strings; blank lines are skipped, row numbers kept. */
export function parseCsv(text: string): InputRow[] {
  const [header, ...rest] = csvCells(text.replace(/^\uFEFF/, ''));
  if (!header) return [];
  const names = header.map((h) => h.trim());
  const out: InputRow[] = [];
  rest.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const values: Record<string, unknown> = {};
    names.forEach((name, k) => {
      if (name !== '') values[name] = (cells[k] ?? '').trim();
    });
    out.push({ row: i + 2, values });
  });
  return out;
}

/** Parse JSON rows: an array, or the first array under a usual key (`data`, `items`, `offices`…). */
export function parseJsonRows(text: string): InputRow[] {
  const doc = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  const list = Array.isArray(doc)
    ? doc
    : ARRAY_KEYS.map((k) => (doc as Record<string, unknown> | null)?.[k]).find(Array.isArray) ?? [doc];
  return (list as unknown[]).map((values, i) => ({
    row: i + 1,
    values: values && typeof values === 'object' && !Array.isArray(values) ? (values as Record<string, unknown>) : { value: values },
  }));
}

/** CSV or JSON by content: JSON starts with `[` or `{`. Throws a SyntaxError for JSON that does not parse. */
export function parseRows(text: string): { format: 'csv' | 'json'; rows: InputRow[] } {
  return /^\uFEFF?\s*[[{]/.test(text) ? { format: 'json', rows: parseJsonRows(text) } : { format: 'csv', rows: parseCsv(text) };
}

/** A cell as a trimmed string, or null when empty or absent. */
export function cell(values: Record<string, unknown>, ...names: string[]): string | null {
  for (const name of names) {
    const v = values[name];
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return null;
}

/** A list cell: a JSON array, or text separated by `;` or `|`. */
export function listCell(values: Record<string, unknown>, name: string): string[] {
  const v = values[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
  return (cell(values, name) ?? '').split(/[;|]/).map((x) => x.trim()).filter(Boolean);
}
