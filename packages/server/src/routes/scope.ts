/**
 * Scope and period of summaries and statistics: the whole province, a current unit or an office, over a
 * period that defaults to the last 12 calendar months (this month included, up to today).
 */
import type { Period, ScopeQuery, SummaryScope } from '@motcua/sdk';
import type { AppContext } from '../context.js';
import { getOfficeRef } from '../db/offices.js';
import type { StatsScope } from '../db/stats.js';
import { getCurrentUnit } from '../db/units.js';
import { ProblemError, notFound, validationProblem } from '../http/problem.js';

/** Longest period answered: the `monthly` list holds at most 120 months. */
const MAX_MONTHS = 120;

export interface ResolvedScope {
  scope: StatsScope;
  summaryScope: SummaryScope;
  period: Period;
  today: string;
}

function monthsSpanned(period: Period): number {
  const [fy, fm] = period.from.split('-').map(Number) as [number, number];
  const [ty, tm] = period.to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** First day of the month `months` before the month of `date`. */
function monthStartBefore(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Resolve a validated scope query, or throw 400 (contradictory) / 404 (unknown unit or office). */
export async function resolveScope(ctx: AppContext, query: ScopeQuery): Promise<ResolvedScope> {
  if (query.unit && query.office) {
    throw validationProblem([{ path: 'query.office', message: 'Give either unit or office, not both' }]);
  }
  const today = ctx.clock.today();
  const province = ctx.serviceInfo.province;
  let scope: StatsScope = { type: 'province' };
  let summaryScope: SummaryScope = { type: 'province', code: province.code, name: province.name };
  if (query.unit && query.unit !== province.code) {
    const unit = await getCurrentUnit(ctx.db, query.unit);
    if (!unit) {
      throw notFound(`No current unit with code ${query.unit}. Former units can be found with /v1/units/resolve.`);
    }
    scope = { type: 'unit', code: unit.code };
    summaryScope = { type: 'unit', code: unit.code, name: unit.fullName };
  } else if (query.office) {
    const office = await getOfficeRef(ctx.db, query.office);
    if (!office) throw notFound(`No office with id ${query.office}.`);
    scope = { type: 'office', id: office.id };
    summaryScope = { type: 'office', id: office.id, name: office.name };
  }

  const to = query.to ?? today;
  const from = query.from ?? monthStartBefore(to, 11);
  const period = { from, to };
  if (from > to) {
    throw validationProblem([{ path: 'query.from', message: `from must not be after to (${to}${query.to ? '' : ', today'})` }]);
  }
  if (monthsSpanned(period) > MAX_MONTHS) {
    throw new ProblemError(400, 'validation_failed', {
      detail: `The period spans more than ${MAX_MONTHS} months.`,
      errors: [{ path: 'query.from', message: `The period may span at most ${MAX_MONTHS} months` }],
    });
  }
  return { scope, summaryScope, period, today };
}
