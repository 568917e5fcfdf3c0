/**
 * Province administration with an admin key: the IT team replaces the demo offices with its own and loads
 * the year's holiday calendar, with no restart. The rows are those of `motcua-import` (CSV columns as JSON
 * keys); every row is checked, a file with a rejected row changes nothing and is answered 400 with each row's
 * reasons, and `?dryRun=true` checks without storing. The catalogue answers (and their ETags) change at once.
 */
import { ProblemIssue, Text } from '@motcua/sdk';
import * as z from 'zod/mini';
import type { RowProblem } from '../catalogue/office-import.js';
import type { AppContext } from '../context.js';
import type { InputRow } from '../catalogue/table-input.js';
import { importCalendarInto, importOfficesInto } from '../db/province-import.js';
import { validationProblem } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import type { Route } from '../http/route.js';

const MAX_ROWS = 5000;
const AdminQuery = z.object({ dryRun: z.optional(z.literal(['true', 'false'])) });
const Rows = z.array(z.record(z.string(), z.unknown())).check(z.minLength(1), z.maxLength(MAX_ROWS));
const CalendarBody = z.union([Rows, z.record(z.string(), z.unknown())]);

const Count = z.int().check(z.gte(0));
const Warning = z.object({ row: Count, id: z.nullable(Text(300)), reasons: z.array(Text(1000)).check(z.maxLength(50)) });

export const OfficeImportResult = z.object({
  read: Count,
  used: Count,
  stored: z.boolean(),
  /** Demonstration offices removed by this import. */
  removedDemo: Count,
  /** Dossiers and ratings that pointed at a removed office: they keep their unit and lose the office. */
  detached: z.object({ dossiers: Count, ratings: Count }),
  warnings: z.array(Warning).check(z.maxLength(MAX_ROWS)),
});
export const CalendarImportResult = z.object({
  read: Count,
  used: Count,
  stored: z.boolean(),
  years: z.array(z.int()).check(z.maxLength(50)),
  /** Offices whose closures were updated. */
  offices: Count,
});

/** JSON rows numbered from 1, as `motcua-import` numbers them. */
const numbered = (rows: readonly Record<string, unknown>[]): InputRow[] => rows.map((values, i) => ({ row: i + 1, values }));

/** A 400 naming each rejected row (`body[0]` is row 1) and its reasons. */
function rejectedRows(rejected: readonly RowProblem[]): never {
  const errors: ProblemIssue[] = rejected.flatMap((r) =>
    r.reasons.map((message) => ({ path: `body[${r.row - 1}]`, message: `${r.id ? `${r.id}: ` : ''}${message}`.slice(0, 1000) })),
  );
  throw validationProblem(errors, `${rejected.length} row(s) cannot be used; nothing was stored.`);
}

/** An admin import route: the shared query, errors, key and limit; `run` checks, stores and answers. */
function adminImport<B extends z.ZodMiniType, R extends z.ZodMiniType>(
  url: string,
  summary: string,
  body: B,
  result: R,
  run: (ctx: AppContext, body: z.infer<B>, dryRun: boolean) => Promise<z.infer<R>>,
): Route {
  return defineRoute({
    method: 'POST',
    url,
    tag: 'admin',
    summary,
    query: AdminQuery,
    body,
    responses: { 200: { schema: result, description: 'Checked, and stored unless a dry run' } },
    errors: [400, 401, 413, 415],
    caching: 'no-store',
    security: 'adminKey',
    rateLimit: 'ingest',
    handler: ({ query, body: input }, ctx) => run(ctx, input as z.infer<B>, query.dryRun === 'true'),
  });
}

export const adminRoutes: readonly Route[] = [
  adminImport(
    '/v1/admin/offices',
    "Load the province's own offices in place of the demo ones (every row checked; all or nothing)",
    Rows,
    OfficeImportResult,
    async (ctx, body, dryRun) => {
      const report = await importOfficesInto(ctx.db, numbered(body), { dryRun });
      if (report.rejected.length > 0) rejectedRows(report.rejected);
      const { read, used, stored, removedDemo, detached, warnings } = report;
      return { read, used, stored, removedDemo, detached, warnings };
    },
  ),
  adminImport(
    '/v1/admin/calendar',
    "Merge holiday dates (closures, swapped working days, dates opened again) into the years in force, and carry them into every office's hours",
    CalendarBody,
    CalendarImportResult,
    async (ctx, body, dryRun) => {
      const report = await importCalendarInto(ctx.db, numbered(Array.isArray(body) ? body : [body]), { dryRun });
      if (report.rejected.length > 0) rejectedRows(report.rejected);
      if (report.used === 0) throw validationProblem([{ path: 'body', message: 'No closure or working day in the calendar' }]);
      return { read: report.read, used: report.used, stored: report.stored, years: report.years, offices: report.offices };
    },
  ),
];
