import { css } from 'lit';

// Styles that some widgets share (all of them share the theme): form controls, disclosures, data tables.

/**
 * Form controls the shared theme does not style yet (search fields and selects), for the widgets that
 * filter lists: the same 44 px targets, borders and focus ring as the theme's text inputs.
 */
export const controlStyles = css`
  input[type='search'],
  select {
    display: block;
    width: 100%;
    min-height: 44px;
    padding: var(--_s) calc(var(--_s) * 1.25);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font: inherit;
    color: inherit;
    margin: 0;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr));
    gap: var(--_s) calc(var(--_s) * 2);
  }
  .field {
    display: grid;
    gap: calc(var(--_s) * 0.5);
    align-content: start;
  }
  .count {
    font-weight: 600;
  }
  .count:empty {
    display: none;
  }
  a {
    color: var(--_accent);
  }
  .link-button {
    display: inline-flex;
    align-items: center;
    gap: var(--_s);
    min-height: 44px;
    padding: var(--_s) calc(var(--_s) * 2);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 700;
    text-decoration: none;
  }
  .badge {
    display: inline-block;
    padding: 0 calc(var(--_s) * 0.75);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.875em;
    font-weight: 600;
    line-height: 1.6;
  }
`;

/** `<details>` disclosures with a 44 px summary and a visible state marker (the theme resets list markers). */
export const disclosureStyles = css`
  summary {
    min-height: 44px;
    display: flex;
    align-items: center;
    cursor: pointer;
    color: var(--_accent);
    font-weight: 600;
  }
  summary::before {
    content: '▸';
    margin-inline-end: var(--_s);
  }
  details[open] > summary::before {
    content: '▾';
  }
  summary::-webkit-details-marker {
    display: none;
  }
`;

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
