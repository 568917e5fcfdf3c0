/**
 * Catalogue fitness for one province: the national scrape holds procedures of other provinces, central
 * agencies' local branches labelled as commune procedures, scraping junk in names and announcements that are
 * not procedures. Each rule acts on a procedure (exclude, relabel or clean) and says why; nothing is dropped
 * without a finding. The province's own list (data/catalogue-fitness.json) overrides the rules by code.
 */
import { readFileSync } from 'node:fs';
import { fold } from '@motcua/sdk';
import type { Procedure } from '@motcua/sdk';
import { isCentralBranch } from './agencies.js';
import { spacedWords } from './text.js';
import { dataPath, loadProvinceUnits } from './data.js';
import type { CatalogueProcedure } from './types.js';

export type FitnessRule = 'not-a-procedure' | 'other-province' | 'central-branch' | 'name-junk' | 'province-list';

export interface FitnessFinding {
  code: string;
  rule: FitnessRule;
  action: 'excluded' | 'relabelled' | 'cleaned' | 'kept';
  reason: string;
}

export interface FitnessReport {
  province: string;
  kept: number;
  excluded: number;
  /** Findings per rule and action, e.g. `{ 'other-province': { excluded: 183 } }`. */
  counts: Partial<Record<FitnessRule, Partial<Record<FitnessFinding['action'], number>>>>;
  findings: FitnessFinding[];
}

export interface FitnessList {
  exclude: { code: string; why: string }[];
  include: { code: string; why: string }[];
}

/** The province the catalogue is for (the units data's province, "Lạng Sơn"). */
export function catalogueProvince(): string {
  return loadProvinceUnits().province.name;
}

export function loadFitnessList(): FitnessList {
  return JSON.parse(readFileSync(dataPath('catalogue-fitness.json'), 'utf8')) as FitnessList;
}

function loadProvinceNames(): string[] {
  return (JSON.parse(readFileSync(dataPath('provinces.json'), 'utf8')) as { names: string[] }).names;
}

/** Scraping junk: a table header glued to the name, a stray leading dot. */
const NAME_JUNK: [RegExp, string][] = [
  [/\s*\(\d+\)\s*Trình tự thực hiện:?\s*$/u, 'a glued "(1) Trình tự thực hiện:" header'],
  [/^[.\s]+/u, 'a leading dot'],
];
const NOT_A_PROCEDURE = /^công bố danh mục/u;
/** Fields (folded) only a central agency's branches handle: with no agency named, the field tells. */
const CENTRAL_FIELD = /^(thue|hai quan|kho bac nha nuoc)$/;


/** The other province an agency or a name ties the procedure to, or null. */
function otherProvince(p: Procedure, others: readonly { name: string; key: string }[]): string | null {
  const agency = spacedWords(p.agency?.name ?? '');
  const name = spacedWords(p.name);
  for (const o of others) {
    if (agency.includes(o.key)) return `its agency (${p.agency?.name}) is in ${o.name}`;
    for (const lead of [' tinh', ' thanh pho', ' tp']) if (name.includes(`${lead}${o.key}`)) return `its name names ${o.name}`;
  }
  return null;
}

/**
 * Apply the fitness rules to imported procedures for `province` (its name, e.g. "Lạng Sơn"). Returns the
 * procedures kept (cleaned and relabelled) and the report of every finding.
 */
export function applyFitness(
  items: readonly CatalogueProcedure[],
  province: string,
  list: FitnessList = loadFitnessList(),
): { items: CatalogueProcedure[]; report: FitnessReport } {
  const own = spacedWords(province);
  const others = loadProvinceNames()
    .map((name) => ({ name, key: spacedWords(name) }))
    .filter((o) => o.key !== own);
  const excludeByList = new Map(list.exclude.map((e) => [e.code, e.why]));
  const includeByList = new Map(list.include.map((e) => [e.code, e.why]));
  const findings: FitnessFinding[] = [];
  const kept: CatalogueProcedure[] = [];

  for (const item of items) {
    const p = item.procedure;
    const exclusion =
      (excludeByList.has(p.code) ? { rule: 'province-list' as const, reason: excludeByList.get(p.code)! } : null) ??
      (NOT_A_PROCEDURE.test(p.name.toLowerCase()) ? { rule: 'not-a-procedure' as const, reason: 'an announcement of a list, not a procedure' } : null) ??
      ((reason) => (reason ? { rule: 'other-province' as const, reason } : null))(otherProvince(p, others));
    if (exclusion && !includeByList.has(p.code)) {
      findings.push({ code: p.code, rule: exclusion.rule, action: 'excluded', reason: exclusion.reason });
      continue;
    }
    if (exclusion) {
      findings.push({ code: p.code, rule: 'province-list', action: 'kept', reason: `${includeByList.get(p.code)} (would be ${exclusion.rule}: ${exclusion.reason})` });
    }
    let name = p.name;
    for (const [junk, what] of NAME_JUNK) {
      if (!junk.test(name)) continue;
      name = name.replace(junk, '');
      findings.push({ code: p.code, rule: 'name-junk', action: 'cleaned', reason: `name without ${what}` });
    }
    let levels = p.levels;
    const branch = p.agency
      ? isCentralBranch(p.agency.name) && `${p.agency.name} is a central agency's branch`
      : CENTRAL_FIELD.test(fold(p.field?.name ?? '')) && `no agency is named and its field (${p.field!.name}) is a central agency's`;
    if (branch && levels.some((l) => l !== 'central')) {
      levels = ['central'];
      findings.push({ code: p.code, rule: 'central-branch', action: 'relabelled', reason: `${branch}: level ${p.levels.join(', ')} → central` });
    }
    kept.push(name === p.name && levels === p.levels ? item : { ...item, procedure: { ...p, name, levels } });
  }

  const counts: FitnessReport['counts'] = {};
  for (const f of findings) {
    const byAction = (counts[f.rule] ??= {});
    byAction[f.action] = (byAction[f.action] ?? 0) + 1;
  }
  return { items: kept, report: { province, kept: kept.length, excluded: items.length - kept.length, counts, findings } };
}

/** The report's counts as lines for a terminal. */
export function formatFitness(report: FitnessReport): string {
  const lines = [`Fitness for ${report.province}: kept ${report.kept}, excluded ${report.excluded}`];
  for (const [rule, byAction] of Object.entries(report.counts)) {
    lines.push(`  ${rule}: ${Object.entries(byAction).map(([action, n]) => `${action} ${n}`).join(', ')}`);
  }
  return lines.join('\n');
}
