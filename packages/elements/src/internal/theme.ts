import { css } from 'lit';

/**
 * Theme shared by every widget. Webmasters theme through these documented custom properties (set them on
 * the widget, or on `:root` for the whole site) and through `::part()`; nothing else of the host page leaks
 * in, because the widget content sits in a `.root` wrapper that resets every inherited property.
 * The custom properties are documented once, on `MotcuaElement`, and every widget inherits them.
 */
export const baseStyles = css`
  :host {
    display: block;
    max-width: 100%;
  }
  :host([hidden]) {
    display: none;
  }
  .root {
    --_primary: var(--motcua-color-primary, #9f1c20);
    --_on-primary: var(--motcua-color-on-primary, #ffffff);
    --_accent: var(--motcua-color-accent, #0b4a8b);
    --_focus: var(--motcua-color-focus, #0b5cad);
    --_text: var(--motcua-color-text, #1f2328);
    --_muted: var(--motcua-color-muted, #4d5561);
    --_surface: var(--motcua-color-surface, #ffffff);
    --_surface-alt: var(--motcua-color-surface-alt, #f5f6f8);
    --_border: var(--motcua-color-border, #767f89);
    --_success: var(--motcua-color-success, #116329);
    --_warning: var(--motcua-color-warning, #7a4d00);
    --_danger: var(--motcua-color-danger, #a40e26);
    --_info: var(--motcua-color-info, #0a4f9e);
    --_radius: var(--motcua-radius, 6px);
    --_s: var(--motcua-space, max(0.5rem, 8px));
    /* Every inherited property, reset: a portal's global CSS on an ancestor must not reach inside. */
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_surface);
    font-family: var(--motcua-font-family, system-ui, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif);
    font-size: var(--motcua-font-size, max(1rem, 16px));
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    overflow-wrap: anywhere;
    visibility: visible;
    cursor: auto;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  .h.header {
    margin: 0;
    padding: calc(var(--_s) * 1.5) calc(var(--_s) * 2);
    background: var(--_primary);
    color: var(--_on-primary);
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.3;
  }
  .body {
    padding: calc(var(--_s) * 2);
    display: grid;
    gap: calc(var(--_s) * 2);
  }
  p,
  dl,
  dd,
  ol,
  ul,
  fieldset {
    margin: 0;
    padding: 0;
  }
  .h {
    font-size: 1.0625em;
    font-weight: 700;
    line-height: 1.35;
    color: var(--_accent);
  }
  fieldset {
    border: 0;
    min-width: 0;
  }
  ol,
  ul {
    list-style: none;
  }
  label,
  legend,
  .label {
    display: block;
    font-weight: 600;
  }
  .hint,
  .muted {
    color: var(--_muted);
    font-size: 0.9375em;
  }
  input,
  textarea,
  button {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    text-transform: none;
    margin: 0;
  }
  input[type='text'],
  input:not([type]),
  textarea {
    display: block;
    width: 100%;
    min-height: 44px;
    padding: calc(var(--_s) * 1) calc(var(--_s) * 1.25);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_s);
    min-height: 44px;
    padding: var(--_s) calc(var(--_s) * 2);
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
    cursor: pointer;
  }
  button.secondary {
    background: var(--_surface);
    color: var(--_accent);
    border-color: var(--_accent);
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.65;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .alert {
    display: grid;
    gap: var(--_s);
    justify-items: start;
    padding: calc(var(--_s) * 1.5);
    border: 1px solid currentColor;
    border-left-width: 4px;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .alert--error {
    color: var(--_danger);
  }
  .alert--success {
    color: var(--_success);
  }
  .alert--info {
    color: var(--_info);
  }
  .alert > p {
    color: var(--_text);
  }
  .feedback {
    font-size: 0.9375em;
  }
  .feedback--error {
    color: var(--_danger);
  }
  .feedback--ok {
    color: var(--_success);
  }
  .empty {
    padding: calc(var(--_s) * 1.5);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .skeleton {
    display: grid;
    gap: var(--_s);
  }
  .skeleton > span {
    display: block;
    height: 1em;
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_surface-alt) 25%, #e6e8eb 50%, var(--_surface-alt) 75%) 0 0 / 200% 100%;
    animation: motcua-shimmer 1.4s ease-in-out infinite;
  }
  .skeleton > span:nth-child(2n) {
    width: 70%;
  }
  @keyframes motcua-shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  svg {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;
