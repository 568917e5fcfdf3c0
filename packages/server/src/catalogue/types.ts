import type { Procedure } from '@motcua/sdk';

/** A procedure ready to store, with what search and the catalogue lists need beside the contract shape. */
export interface CatalogueProcedure {
  procedure: Procedure;
  /** National field code where the source has one (`G15-TP07`). */
  fieldCode: string | null;
  /** The source row format, for the import report. */
  sourceFormat: string;
}
