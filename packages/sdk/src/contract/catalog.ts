import * as z from 'zod/mini';
import { Int, Slug, Text } from './common.js';
import { ProcedureLevel } from './procedure.js';

/** A field of procedures (lĩnh vực). `code` is the national field code where known (`G15-TP07`). */
export const Field = z.object({
  id: Slug,
  code: z.nullable(Text(50)),
  name: Text(300),
  procedureCount: Int().check(z.gte(0)),
});
export type Field = z.infer<typeof Field>;

/** Query of the field list: `level` keeps only fields with procedures at that level (counted at it). */
export const FieldListQuery = z.object({ level: z.optional(ProcedureLevel) });
export type FieldListQuery = z.infer<typeof FieldListQuery>;

/** An implementing agency (cơ quan thực hiện), as named in the catalogue. */
export const Agency = z.object({
  id: Slug,
  name: Text(300),
  level: z.nullable(ProcedureLevel),
  procedureCount: Int().check(z.gte(0)),
});
export type Agency = z.infer<typeof Agency>;
