import { css } from 'lit';

/** Styles of `<motcua-procedure-finder>` on top of the shared theme and the form controls. */
export const finderStyles = css`
  .list,
  .search,
  .results,
  .detail,
  .procedure,
  .section {
    display: grid;
    gap: calc(var(--_s) * 2);
  }
  .results {
    gap: var(--_s);
  }
  .note:empty {
    display: none;
  }
  .stale .items {
    opacity: 0.6;
  }
  .items,
  .methods,
  .components,
  .legal,
  .fees {
    display: grid;
    gap: var(--_s);
  }
  .item {
    display: grid;
    justify-content: stretch;
    justify-items: start;
    gap: calc(var(--_s) * 0.25);
    width: 100%;
    padding: calc(var(--_s) * 1.25) calc(var(--_s) * 1.5);
    text-align: start;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: 400;
    text-decoration: none;
  }
  .item:hover {
    background: var(--_surface-alt);
  }
  .name {
    font-weight: 700;
    color: var(--_accent);
  }
  .meta {
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .online,
  .required {
    color: var(--_success);
  }
  .more,
  .back {
    justify-self: start;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14em), 1fr));
    gap: var(--_s) calc(var(--_s) * 2);
  }
  .facts > div,
  .method,
  .components > li {
    padding: var(--_s) calc(var(--_s) * 1.25);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .method,
  .method dl,
  .components > li {
    display: grid;
    gap: calc(var(--_s) * 0.5);
  }
  dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  dd {
    font-weight: 600;
  }
  .fees > li,
  .fees p {
    font-weight: 400;
  }
  .legal > li {
    padding-inline-start: calc(var(--_s) * 1.5);
    border-inline-start: 3px solid var(--_border);
  }
`;
