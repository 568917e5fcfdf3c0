/**
 * "What to bring" from a procedure's dossier components: the documents to prepare (with their numbers of
 * originals and copies, required or "if applicable"), apart from the notes the catalogue files among them.
 */
import type { DossierCase, DossierComponent } from '@motcua/sdk';

/** One group of documents (a case of the catalogue); `conditional` when it applies only in its case. */
export interface ChecklistGroup {
  title: string | null;
  conditional: boolean;
  documents: DossierComponent[];
}

export interface Checklist {
  groups: ChecklistGroup[];
  /** Components that are guidance, not documents, in catalogue order (led by their case's title, if any). */
  notes: string[];
}

/** List numbering and bullets before a text: "- ", "(1.2) ", "b) ", "8.3.1. ". */
const LEAD = String.raw`^[\s\-–•+()]*(?:[0-9a-zđ]{1,4}(?:\.[0-9]+)*[.)]\)?\s*)*`;
/** A case title naming a situation ("Trường hợp …", "b) Đối với …"), as opposed to a group for everyone. */
const CONDITIONAL = new RegExp(`${LEAD}(trường hợp|đối với|nếu)`, 'i');
/** The catalogue's notes group ("Lưu ý"). */
const NOTES_CASE = /^\W*lưu ý/i;
/**
 * Component texts that read as guidance: conditions, duties of the office, lead-ins to a list ("… gồm:"),
 * and the fragments of a sentence the source split (starting in lower case or with punctuation).
 */
const NOTE_TEXT = new RegExp(
  `^[^\\p{L}]*$|^\\s*[*.,;)]|^\\s*\\p{Ll}|${LEAD}(lưu ý|trường hợp|đối với|nếu|khi|trong đó|các|thời hạn|số lượng|người|cơ quan|cá nhân|việc|bước|do)\\b|([:)]|gồm|sau)\\s*$`,
  'iu',
);

/**
 * Whether component `d` is a note rather than a document: the catalogue states no original and no copy and
 * the text reads as guidance (or sits in the notes group). A document with no stated number stays a document.
 */
export function isNote(d: DossierComponent, caseTitle: string | null): boolean {
  if (d.originals || d.copies || d.forms.length) return false;
  return NOTES_CASE.test(caseTitle ?? '') || NOTE_TEXT.test(d.name);
}

/** The checklist of `cases`: each case's documents, and every note apart. */
export function checklistOf(cases: readonly DossierCase[]): Checklist {
  const groups: ChecklistGroup[] = [];
  const notes: string[] = [];
  for (const c of cases) {
    // A title without a letter ("-") is no title.
    const title = /\p{L}/u.test(c.title ?? '') ? c.title : null;
    const documents = c.components.filter((d) => !isNote(d, title));
    const guidance = c.components.filter((d) => isNote(d, title)).map((d) => d.name);
    if (documents.length) groups.push({ title, conditional: CONDITIONAL.test(title ?? ''), documents });
    // A case of notes only keeps its title above them (the catalogue's own "Lưu ý" says nothing more).
    else if (title && guidance.length && !NOTES_CASE.test(title)) notes.push(title);
    notes.push(...guidance);
  }
  return { groups, notes };
}
