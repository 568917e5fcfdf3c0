import { css } from 'lit';

/** Styles of `<motcua-stats>` on top of the shared theme. */
export const statsStyles = css`
  /* A loading state laid out as the loaded one (same height), its blank values shown as placeholders; its
     children are the container's, as the loaded ones are (same gaps). */
  .ghost {
    display: contents;
  }
  .ghost,
  .ghost * {
    color: transparent !important;
    border-color: transparent !important;
  }
  .ghost svg * {
    visibility: hidden;
  }
  .ghost .value {
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .scope {
    color: var(--_text);
  }
  .figures,
  .ghost .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11em), 1fr));
    gap: var(--_s);
  }
  .figure {
    display: grid;
    align-content: start;
    gap: calc(var(--_s) * 0.5);
    padding: var(--_s) calc(var(--_s) * 1.25);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .headline {
    grid-column: 1 / -1;
    border-inline-start: 4px solid var(--_success);
  }
  dt {
    color: var(--_muted);
    font-size: 0.9375em;
  }
  dd {
    display: grid;
    gap: calc(var(--_s) * 0.25);
  }
  .value {
    font-size: 1.5em;
    font-weight: 700;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }
  .headline .value {
    font-size: 2em;
    color: var(--_success);
  }
  .beside {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .beside strong {
    color: var(--_text);
  }
  .monthly {
    display: grid;
    gap: var(--_s);
    margin: 0;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_s) * 0.5);
    font-size: 0.875em;
  }
  .key {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    border-radius: 2px;
  }
  .legend > span {
    white-space: nowrap;
  }
  .key,
  rect {
    background: var(--c);
    fill: var(--c);
  }
  .received {
    --c: var(--_accent);
  }
  .early {
    --c: var(--_success);
  }
  /* Lighter than early, still 3:1 against the surface (WCAG 1.4.11). */
  .onDay {
    --c: color-mix(in srgb, var(--_success) 70%, var(--_surface));
  }
  .late {
    --c: var(--_danger);
  }
  .split {
    font-size: 0.875em;
  }
  svg.chart {
    display: block;
    /* Never below its width attribute (12 px labels); .scroll scrolls. */
    width: auto;
    min-width: 100%;
    height: auto;
    max-height: max(16rem, 256px);
    stroke: none;
  }
  .chart text {
    font-size: 12px;
    fill: var(--_muted);
    stroke: none;
  }
  .chart line {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .chart line.grid {
    stroke: var(--_surface-alt);
  }
  .scroll {
    overflow-x: auto;
  }
  rect.partial {
    fill-opacity: 0.45;
  }
  table {
    overflow-wrap: normal;
  }
  th,
  td {
    text-align: end;
  }
  tbody th,
  td {
    white-space: nowrap;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: start;
    font-weight: 400;
  }
`;
