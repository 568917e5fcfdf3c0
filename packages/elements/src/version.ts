/** Version of @motcua/elements, stamped on every element class; `define` compares it across copies. */
export const VERSION = '0.1.0';
