import { css } from 'lit';

/** Styles of `<motcua-dossier-lookup>` on top of the shared theme. */
export const lookupStyles = css`
  form,
  .field,
  .result,
  .history {
    display: grid;
    gap: var(--_s);
  }
  form {
    gap: calc(var(--_s) * 2);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s);
  }
  .row > input {
    /* A percentage width lets the field shrink in a narrow sidebar (its min-content counts as zero). */
    flex: 1 1 12em;
    width: 100%;
    min-width: 0;
    font-variant-numeric: tabular-nums;
  }
  input.short {
    max-width: 8em;
    letter-spacing: 0.08em;
  }
  .feedback:empty {
    display: none;
  }
  .result {
    gap: calc(var(--_s) * 2);
  }
  .procedure {
    font-size: 1.125em;
    color: var(--_text);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s);
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_s) * 0.75);
    padding: calc(var(--_s) * 0.5) var(--_s);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-weight: 600;
    line-height: 1.3;
    background: var(--_surface);
  }
  .badge--submitted,
  .badge--in_progress,
  .badge--info {
    color: var(--_info);
  }
  .badge--paused {
    color: var(--_warning);
  }
  .badge--done,
  .badge--good {
    color: var(--_success);
  }
  .badge--closed {
    color: var(--_muted);
  }
  .badge--bad {
    color: var(--_danger);
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 8em), 1fr));
    gap: var(--_s) calc(var(--_s) * 2);
  }
  .facts > .wide {
    grid-column: 1 / -1;
  }
  .facts > div {
    padding: var(--_s) calc(var(--_s) * 1.25);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  dd {
    font-weight: 600;
  }
  .timeline > li {
    position: relative;
    padding: 0 0 calc(var(--_s) * 2) calc(var(--_s) * 3);
    border-left: 2px solid var(--_border);
    margin-left: calc(var(--_s) * 0.75);
  }
  .timeline > li:last-child {
    border-left-color: transparent;
    padding-bottom: 0;
  }
  .timeline > li::before {
    content: '';
    position: absolute;
    left: calc(var(--_s) * -0.75 - 1px);
    top: 0.3em;
    width: calc(var(--_s) * 1.5);
    height: calc(var(--_s) * 1.5);
    border-radius: 50%;
    background: var(--_accent);
    border: 2px solid var(--_surface);
  }
  time {
    font-size: 0.875em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .action {
    font-weight: 600;
  }
  motcua-rating {
    margin-top: var(--_s);
  }
  dd,
  .procedure,
  .action,
  .feedback,
  .alert > p {
    overflow-wrap: break-word;
    min-width: 0;
  }
  .alert--warning {
    color: var(--_warning);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s);
  }
  .actions:empty {
    display: none;
  }
  a.button {
    display: inline-flex;
    align-items: center;
    gap: var(--_s);
    min-height: 44px;
    padding: var(--_s) calc(var(--_s) * 2);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    color: var(--_accent);
    font-weight: 600;
    text-decoration: none;
  }
  .copy-field {
    display: grid;
    gap: calc(var(--_s) * 0.5);
    flex-basis: 100%;
  }
  @media print {
    form,
    .actions,
    [part~='retry'],
    [part~='rate'],
    motcua-rating {
      display: none !important;
    }
    .timeline > li {
      break-inside: avoid;
    }
  }
`;
