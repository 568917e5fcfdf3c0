import { css } from 'lit';

/** Styles of `<motcua-rating>` on top of the shared theme. */
export const ratingStyles = css`
  form,
  .field,
  .indicators,
  .summary,
  .summary-ghost {
    display: grid;
    gap: var(--_s);
  }
  form {
    gap: calc(var(--_s) * 2);
  }
  .levels {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: var(--_s);
  }
  .level {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_s) * 0.5);
    min-height: 44px;
    padding: var(--_s) calc(var(--_s) * 0.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    text-align: center;
    font-weight: 600;
    line-height: 1.25;
    cursor: pointer;
    user-select: none;
  }
  .level .face {
    width: 2.25em;
    height: 2.25em;
    stroke-width: 1.6;
  }
  .level--very_satisfied {
    color: var(--_success);
  }
  .level--satisfied {
    color: var(--_info);
  }
  .level--dissatisfied {
    color: var(--_danger);
  }
  .level > span {
    color: var(--_text);
  }
  .level[aria-checked='true'] {
    border-width: 3px;
    border-color: currentColor;
    padding: calc(var(--_s) - 2px) calc(var(--_s) * 0.5 - 2px);
    background: var(--_surface-alt);
  }
  .level[aria-checked='true'] > span {
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .level[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  [aria-invalid='true'].levels .level {
    border-color: var(--_danger);
  }
  textarea {
    resize: vertical;
    min-height: 5.5em;
  }
  .counter {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .feedback:empty {
    display: none;
  }
  .indicators > fieldset {
    padding: var(--_s) 0;
    border-top: 1px solid var(--_surface-alt);
  }
  .indicators > legend {
    margin-bottom: var(--_s);
  }
  .indicators legend {
    font-weight: 600;
    padding: 0;
  }
  .indicators fieldset legend {
    font-weight: 400;
  }
  .scores {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s) calc(var(--_s) * 2);
  }
  .score {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_s) * 0.75);
    min-height: 44px;
    font-weight: 400;
    cursor: pointer;
  }
  .score > input {
    width: 1.25em;
    height: 1.25em;
    accent-color: var(--_accent);
  }
  .hp {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .message:focus {
    outline: none;
  }
  .message:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .with-icon {
    display: flex;
    gap: var(--_s);
    align-items: flex-start;
  }
  .with-icon > svg {
    color: inherit;
    margin-top: 0.15em;
  }
  .alert .with-icon > span {
    color: var(--_text);
  }
  .summary,
  .summary-ghost {
    padding-top: calc(var(--_s) * 2);
    border-top: 1px solid var(--_surface-alt);
  }
  .summary-ghost .ph::before {
    content: attr(data-ph);
    color: transparent;
  }
  .summary ul,
  .summary-ghost ul {
    display: grid;
    gap: var(--_s);
  }
  .bar-row {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: calc(var(--_s) * 0.5) var(--_s);
  }
  .share {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .bar {
    grid-column: 1 / -1;
    width: 100%;
    height: 0.6em;
    border: 0;
    border-radius: 999px;
    overflow: hidden;
    appearance: none;
    background: var(--_surface-alt);
    color: var(--_accent);
  }
  .bar::-webkit-progress-bar {
    background: var(--_surface-alt);
  }
  .bar::-webkit-progress-value {
    background: currentColor;
  }
  .bar::-moz-progress-bar {
    background: currentColor;
  }
  .bar--very_satisfied {
    color: var(--_success);
  }
  .bar--dissatisfied {
    color: var(--_danger);
  }
`;
