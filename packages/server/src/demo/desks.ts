/**
 * What each demo desk receives and which of this province's units handle it. A commune desk files the
 * commune-level procedures of the fields it publishes; the provincial centre the province-level procedures of
 * provincial bodies (not those of ministries, national departments, banks or notaries). The units named in
 * a dossier's history are this province's: the catalogue's "Sở Tài chính các tỉnh, thành phố" is handled by
 * "Sở Tài chính tỉnh Lạng Sơn".
 */
import { fold, type Office, type Procedure } from '@motcua/sdk';
import { agencyParts, isCentralAgency } from '../catalogue/agencies.js';

/** Provincial bodies a dossier's history can name (not "Cơ quan chức năng do … chỉ định"). */
const BODY = /^(Sở|UBND|Ủy ban|Uỷ ban|Chủ tịch|Công an|Văn phòng|Chi nhánh|Bảo hiểm|Ban [Qq]uản lý|Phòng|Chi cục|Thi hành án|Trung tâm)/u;
/** An agency part of the commune or former district level. */
const LOCAL = /(cấp xã|cấp huyện|xã, phường|phường|huyện|thị trấn)/iu;

/** State bodies a commune desk passes dossiers to (not a notary's office or a bank). */
const COMMUNE_BODY = /^(UBND|Ủy ban|Uỷ ban|Chủ tịch|Công an|Cơ quan|Văn phòng|Chi nhánh Văn phòng|Phòng|Sở|Bảo hiểm xã hội)/u;

/** Whether the provincial centre receives procedures of this agency (none named: the province's own). */
function provincial(agency: string | undefined): boolean {
  return !agency || agencyParts(agency).some((part) => !isCentralAgency(part) && !LOCAL.test(part) && (BODY.test(part) || /^Cơ quan /u.test(part)));
}

/** Whether a commune desk receives procedures of this agency (none named: the commune's own). */
function communal(agency: string | undefined): boolean {
  return !agency || agencyParts(agency).some((part) => !isCentralAgency(part) && COMMUNE_BODY.test(part));
}

/**
 * The procedures `office` receives: for a commune desk, commune-level ones of its fields; for the provincial
 * centre, province-level ones of provincial bodies (of its fields when it lists any).
 */
export function deskProcedures(office: Office, procedures: readonly Procedure[]): Procedure[] {
  const centre = office.kind === 'provincial_centre';
  const fields = new Set(office.fields.map((f) => f.id));
  const level = centre ? 'province' : 'commune';
  const own = procedures.filter(
    (p) =>
      p.levels.includes(level) &&
      (fields.size === 0 || (p.field !== null && fields.has(p.field.id))) &&
      (centre ? provincial : communal)(p.agency?.name),
  );
  return own.length > 0 ? own : procedures.filter((p) => p.levels.includes(level));
}

/**
 * The unit of `province` ("tỉnh Lạng Sơn") that handles a procedure of the catalogue's `agency` at the
 * provincial centre: its first provincial body, named for this province.
 */
export function provincialUnit(agency: string | undefined, province: string): string {
  const part = agencyParts(agency ?? '').find((p) => !isCentralAgency(p) && !LOCAL.test(p) && BODY.test(p));
  if (!part) return `Cơ quan chuyên môn thuộc UBND ${province}`;
  const name = part
    .replace(/^(chủ tịch|người đứng đầu)\s+/iu, '')
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase())
    .replace(/[uủ][ỷy] ban nhân dân/giu, 'UBND')
    .replace(/\s*-\s*tỉnh .*$|\.$/u, '')
    .replace(/^Công An /u, 'Công an ');
  if (/cấp tỉnh/iu.test(name)) return name.replace(/cấp tỉnh/iu, province);
  return `${name.replace(/\s+(các )?tỉnh( thành phố)?$/iu, '')} ${province}`;
}
