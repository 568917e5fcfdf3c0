/**
 * The catalogue's agencies (cơ quan thực hiện): one entry can name several, and some are central bodies or
 * central agencies' local branches, which no commune or provincial one-stop desk handles. One rule for the
 * importer's fitness report and the demo desks.
 */
import { spacedWords as spaced } from './text.js';

/** The agencies of a catalogue entry ("Sở Xây dựng, Uỷ ban Nhân dân cấp xã" is two). */
export function agencyParts(agency: string): string[] {
  // "Sở Tài chính các tỉnh, thành phố" is one agency: the comma lists the kinds of province.
  return (
    agency
      .replace(/tỉnh, thành phố/giu, 'tỉnh thành phố')
      .split(/[,;/]/)
      .map((part) => part.trim())
      // "…, Chi cục thuế huyện, thành phố": a lowercase part continues the previous agency's name.
      .filter((part) => /^\p{Lu}/u.test(part))
  );
}

/**
 * Central bodies (folded): ministries, national departments, the Government, as the part's first words; and
 * anywhere in it, agencies the State runs nationally with local branches: customs, tax, the State Treasury,
 * inland waterway and maritime port authorities, the State Bank, State reserves, the securities commission,
 * the courts.
 */
const CENTRAL = new RegExp(
  [
    '^ (bo|cuc|tong cuc|thu tuong|chinh phu) ',
    ' (hai quan|kho bac|thue|cang vu duong thuy noi dia|cang vu hang hai|duong thuy noi dia|ngan hang|du tru nha nuoc|chung khoan|toa an) ',
  ].join('|'),
);
/** A local branch's words: the customs, tax, treasury and waterway offices sitting in the province. */
const BRANCH = / (hai quan|kho bac|thue|duong thuy) /;

/** Whether one agency (a part of an entry) is a central body or a central agency's branch. */
export const isCentralAgency = (part: string): boolean => CENTRAL.test(spaced(part));

/**
 * Whether an entry names only central agencies, one of them a local branch: a central agency's procedure the
 * scrape labels commune or province.
 */
export function isCentralBranch(agency: string): boolean {
  const parts = agencyParts(agency);
  return parts.some((part) => BRANCH.test(spaced(part))) && parts.every(isCentralAgency);
}
