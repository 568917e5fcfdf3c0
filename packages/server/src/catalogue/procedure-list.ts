/**
 * A province's own list over the national catalogue: procedures it includes although a rule would leave them
 * out, procedures it excludes, and local variants (`1.012753.H19`: the national procedure 1.012753 as the
 * province runs it, under its own code and name). CSV or JSON rows `code, action, why, base, name`; `action` is
 * include | exclude | variant (or giữ | bỏ | biến thể). Every row is checked against the catalogue read, and
 * each unusable row reported with its reasons.
 */
import { fold, PROCEDURE_CODE_PATTERN } from '@motcua/sdk';
import { applyFitness, type FitnessList, type FitnessReport } from './fitness.js';
import type { RowProblem } from './office-import.js';
import { cell, type InputRow } from './table-input.js';
import type { CatalogueProcedure } from './types.js';

export interface LocalVariant {
  code: string;
  base: string;
  name: string | null;
  why: string;
}

/** The list in the form the fitness stage takes, with the local variants beside it. */
export interface ProcedureList extends FitnessList {
  variants: LocalVariant[];
}

export interface ProcedureListReport {
  read: number;
  used: number;
  rejected: RowProblem[];
}

const ACTIONS: Record<string, 'include' | 'exclude' | 'variant'> = {
  include: 'include', giu: 'include', 'giu lai': 'include',
  exclude: 'exclude', bo: 'exclude', 'loai bo': 'exclude',
  variant: 'variant', 'bien the': 'variant', 'bien the dia phuong': 'variant',
};
const CODE = new RegExp(PROCEDURE_CODE_PATTERN);

/**
 * Check every row against the catalogue's codes; an exclude may also name a procedure only `stored` holds (a
 * catalogue imported before), which it then removes.
 */
export function readProcedureList(
  rows: readonly InputRow[],
  catalogue: ReadonlySet<string>,
  stored: ReadonlySet<string> = new Set(),
): { list: ProcedureList; report: ProcedureListReport } {
  const list: ProcedureList = { include: [], exclude: [], variants: [] };
  const report: ProcedureListReport = { read: rows.length, used: 0, rejected: [] };
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const reasons: string[] = [];
    const code = cell(values, 'code', 'ma');
    const actionText = cell(values, 'action', 'thao_tac');
    const action = actionText ? ACTIONS[fold(actionText)] : undefined;
    const why = cell(values, 'why', 'ly_do');
    const base = cell(values, 'base', 'ma_goc');
    if (!code || !CODE.test(code)) reasons.push('code must be a procedure code such as 1.001193 or 1.012753.H19');
    if (!action) reasons.push(`action "${actionText ?? ''}" is not include, exclude or variant`);
    if (!why) reasons.push('why is required: say why the province does this');
    if (code && seen.has(code)) reasons.push(`code ${code} is already listed in row ${seen.get(code)}`);
    if (code && action && action !== 'variant' && !catalogue.has(code) && !(action === 'exclude' && stored.has(code))) {
      reasons.push(`${code} is not in the catalogue`);
    }
    if (action === 'variant') {
      if (!base || !catalogue.has(base)) reasons.push(`base "${base ?? ''}" must be the code of a procedure of the catalogue`);
      if (code && catalogue.has(code)) reasons.push(`${code} is already in the catalogue: a variant needs a code of its own`);
      if (code && base && !code.startsWith(`${base}.`)) reasons.push(`a local variant's code extends its base: ${base}.<suffix>`);
    }
    if (reasons.length > 0 || !code || !action || !why) {
      report.rejected.push({ row, id: code, reasons });
      continue;
    }
    seen.set(code, row);
    report.used++;
    if (action === 'variant') list.variants.push({ code, base: base!, name: cell(values, 'name', 'ten'), why });
    else list[action].push({ code, why });
  }
  return { list, report };
}

/** The catalogue with the local variants added: each a copy of its base under its own code and name. */
export function withLocalVariants(items: readonly CatalogueProcedure[], variants: readonly LocalVariant[]): CatalogueProcedure[] {
  const byCode = new Map(items.map((i) => [i.procedure.code, i]));
  const added = variants.flatMap((v) => {
    const base = byCode.get(v.base);
    return base ? [{ ...base, procedure: { ...base.procedure, code: v.code, name: v.name ?? base.procedure.name } }] : [];
  });
  return [...items, ...added];
}

/**
 * The catalogue fitted to a province with its own list (when given): variants added, then the fitness rules
 * with the list's includes and excludes (`excluded`: the codes the list excludes, for the caller to remove
 * from a catalogue stored before). When a row of the list cannot be used, `items` is null: a catalogue
 * half following a list is worse than none, so the caller stores nothing and shows the report.
 */
export function fitCatalogue(
  imported: readonly CatalogueProcedure[],
  province: string,
  listRows: readonly InputRow[] | null,
  stored: ReadonlySet<string> = new Set(),
): { items: CatalogueProcedure[] | null; fitness: FitnessReport | null; list: ProcedureListReport | null; excluded: FitnessList['exclude'] } {
  if (listRows === null) {
    const { items, report } = applyFitness(imported, province);
    return { items, fitness: report, list: null, excluded: [] };
  }
  const { list, report: listReport } = readProcedureList(listRows, new Set(imported.map((i) => i.procedure.code)), stored);
  if (listReport.rejected.length > 0) return { items: null, fitness: null, list: listReport, excluded: [] };
  const { items, report } = applyFitness(withLocalVariants(imported, list.variants), province, list);
  return { items, fitness: report, list: listReport, excluded: list.exclude };
}
