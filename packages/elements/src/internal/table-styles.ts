import { css } from 'lit';

/** Data tables (opening hours, monthly figures): full width, aligned figures, light row rules. */
export const tableStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: calc(var(--_s) * 0.5) var(--_s);
    border-bottom: 1px solid var(--_surface-alt);
    text-align: start;
  }
  thead th {
    color: var(--_muted);
    font-weight: 600;
  }
`;
