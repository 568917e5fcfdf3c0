/**
 * Dossier components (thành phần hồ sơ) grouped by case, from the portal's structured lists or from text.
 */
import type { DossierCase, DossierComponent, FormTemplate } from '@motcua/sdk';
import { htmlToPlainText, safeHref } from './html.js';
import { splitQuantities } from './procedure-fields.js';
import { cleanText, oneLine, optionalLine, truncate } from './text.js';

type Warn = (message: string) => void;

const MAX_CASES = 100;
const MAX_COMPONENTS = 300;
const MAX_FORMS = 50;

// Items that apply only in some situations ("Trường hợp…", "… (nếu có)") are not always required.
const CONDITIONAL = /^(?:trường hợp|đối với trường hợp|nếu|khi)\b|\(nếu có\)|\bnếu có\b/i;
const BULLET = /^(?:[-+•●▪◦–—*]|\d{1,2}[.)]|[a-zđ]\))\s*/i;

/** "* Giấy tờ phải nộp:" → "Giấy tờ phải nộp"; empty → null. */
export function caseTitle(raw: unknown): string | null {
  const line = optionalLine(raw);
  if (!line) return null;
  const title = line.replace(/^\*\s*/, '').replace(/\s*:\s*$/, '').trim();
  return title === '' ? null : truncate(title, 2000);
}

function componentName(raw: string): string {
  return oneLine(raw).replace(/^[-+•●▪◦–—]\s*/, '').trim();
}

function isRequired(name: string, flag: unknown): boolean {
  if (flag === true) return true;
  return !CONDITIONAL.test(name.replace(BULLET, ''));
}

function forms(value: unknown): FormTemplate[] {
  if (!Array.isArray(value)) return [];
  const out: FormTemplate[] = [];
  for (const item of value.slice(0, MAX_FORMS)) {
    if (typeof item === 'string' && item.trim() !== '') {
      out.push({ name: truncate(oneLine(item), 500), url: safeHref(item.trim()) });
    } else if (typeof item === 'object' && item !== null) {
      const f = item as Record<string, unknown>;
      const name = optionalLine(f.name ?? f.fileName ?? f.title);
      const url = [f.url, f.link, f.fileUrl, f.href].find((u): u is string => typeof u === 'string');
      if (name) out.push({ name: truncate(name, 500), url: url ? safeHref(url) : null });
    }
  }
  return out;
}

function component(name: string, originals: unknown, copies: unknown, required: unknown, formList: unknown, warn: Warn): DossierComponent | null {
  if (name === '') return null;
  const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? Math.min(Math.max(v, 0), 100) : 0);
  if (name.length > 4000) warn('a dossier component name was longer than 4000 characters and was shortened');
  return {
    name: truncate(name, 4000),
    originals: count(originals),
    copies: count(copies),
    required: isRequired(name, required),
    forms: forms(formList),
  };
}

function fit(cases: DossierCase[], warn: Warn): DossierCase[] {
  const out: DossierCase[] = [];
  for (const c of cases) {
    for (let i = 0; i < Math.max(c.components.length, 1); i += MAX_COMPONENTS) {
      out.push({ title: c.title, components: c.components.slice(i, i + MAX_COMPONENTS) });
    }
  }
  if (out.length > MAX_CASES) {
    warn(`dossier cases cut from ${out.length} to ${MAX_CASES}`);
    out.length = MAX_CASES;
  }
  return out.filter((c) => c.components.length > 0);
}

/** One structured component: `{ group, name, originalQty, copyQty, forms }` (clean rows). */
interface ListedComponent {
  group?: unknown;
  name?: unknown;
  originalQty?: unknown;
  copyQty?: unknown;
  required?: unknown;
  forms?: unknown;
  attachments?: unknown;
}

/** Cases from a flat list whose items name their group (`documentsList` of the clean rows). */
export function casesFromList(list: unknown, warn: Warn): DossierCase[] {
  if (!Array.isArray(list)) return [];
  const byTitle = new Map<string, DossierCase>();
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const c = item as ListedComponent;
    const title = caseTitle(c.group);
    const entry = byTitle.get(title ?? '') ?? { title, components: [] };
    byTitle.set(title ?? '', entry);
    const made = component(componentName(String(c.name ?? '')), c.originalQty, c.copyQty, c.required, c.forms ?? c.attachments, warn);
    if (made) entry.components.push(made);
  }
  return fit([...byTitle.values()], warn);
}

/** Cases from the portal's `executionCases: [{ name, profileComponents: [...] }]`. */
export function casesFromPortal(cases: unknown, warn: Warn): DossierCase[] {
  if (!Array.isArray(cases)) return [];
  const out: DossierCase[] = [];
  for (const item of cases) {
    if (typeof item !== 'object' || item === null) continue;
    const c = item as Record<string, unknown>;
    const components: DossierComponent[] = [];
    for (const p of Array.isArray(c.profileComponents) ? c.profileComponents : []) {
      if (typeof p !== 'object' || p === null) continue;
      const pc = p as ListedComponent;
      const made = component(componentName(String(pc.name ?? '')), pc.originalQty, pc.copyQty, pc.required, pc.forms ?? pc.attachments, warn);
      if (made) components.push(made);
    }
    out.push({ title: caseTitle(c.name), components });
  }
  return fit(out, warn);
}

/**
 * Cases from the documents text: heading lines ("* Giấy tờ phải nộp:", "1. Chứng từ phải nộp") open a case;
 * every other line is a component, with its quantities read from "(Bản chính: 1)" / "(0 bản chính,1 bản sao)".
 */
export function casesFromText(text: string | null, warn: Warn): DossierCase[] {
  if (!text) return [];
  const cases: DossierCase[] = [];
  let current: DossierCase = { title: null, components: [] };
  for (const raw of cleanText(htmlToPlainText(text)).split('\n')) {
    const line = raw.replace(/^;\s*/, '').trim();
    if (line === '' || /^none$/i.test(line)) continue;
    const { name, originals, copies } = splitQuantities(line);
    const hasQuantity = name.length !== line.length;
    const heading = !hasQuantity && line.length <= 200 && (/^\*\s*\S.*:\s*$/.test(line) || /^\d{1,2}\.\s+\S[^;.]*:?$/.test(line) || /^\S.*:$/.test(line));
    if (heading) {
      if (current.components.length > 0 || current.title !== null) cases.push(current);
      current = { title: caseTitle(line.replace(/^\d{1,2}\.\s+/, '')), components: [] };
      continue;
    }
    const made = component(componentName(name), originals, copies, undefined, undefined, warn);
    if (made) current.components.push(made);
  }
  cases.push(current);
  return fit(cases, warn);
}
