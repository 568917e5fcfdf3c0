import { css } from 'lit';

/** Styles of `<motcua-counter-directory>` on top of the shared theme and the form controls. */
export const directoryStyles = css`
  .search,
  .results {
    display: grid;
    gap: calc(var(--_s) * 2);
  }
  .offices,
  .offices-ghost,
  .card {
    display: grid;
    gap: calc(var(--_s) * 0.75);
  }
  .nearest {
    align-content: end;
  }
  .stale .offices {
    opacity: 0.6;
  }
  /* The loading states: the loaded layout with its text hidden, blank values shown as placeholders. The list's
     children are the results' own, as the loaded ones are (same gaps). */
  .list-ghost {
    display: contents;
  }
  .ghost,
  .ghost * {
    color: transparent !important;
  }
  .ghost .name,
  .ghost .blank {
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .ghost .blank {
    display: inline-block;
    max-width: 100%;
  }
  .blank.long {
    width: 16em;
  }
  .blank.medium {
    width: 12em;
  }
  .blank.short {
    width: 8em;
  }
  .office,
  .office-ghost {
    padding: 0 calc(var(--_s) * 1.25);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .office > details > summary,
  .office-ghost > details > summary {
    padding-block: calc(var(--_s) * 0.25);
  }
  .row {
    flex: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 calc(var(--_s) * 1.5);
  }
  .name {
    flex: 1 1 18em;
    font-weight: 700;
  }
  .row > :not(.name) {
    font-size: 0.9375em;
  }
  .card {
    padding-block-end: calc(var(--_s) * 1.5);
  }
  .card a {
    display: inline-block;
    min-height: 24px;
  }
  .more {
    justify-self: start;
  }
  .own {
    border-width: 2px;
    border-color: var(--_accent);
  }
  .former-match {
    flex-basis: 100%;
    font-weight: 600;
    color: var(--_info);
  }
  .state {
    font-weight: 600;
  }
  .open {
    color: var(--_success);
  }
  .closed {
    color: var(--_danger);
  }
  /* On a narrow list the state sits below the name, and its "next" part ("Mở cửa lúc 07:45, Thứ Tư, 04/03") would
     wrap it to a second line after hours only: the list would be taller in the evening than its loading placeholder.
     So a closed row shows the "now" part alone (screen readers still hear both) and an open row, like the own
     office's, shows the two parts a line each, in every state and in the placeholder alike. */
  .offices,
  .offices-ghost {
    container-type: inline-size;
  }
  @container (max-width: 36em) {
    .state {
      display: grid;
    }
    .state .sep {
      display: none;
    }
    details:not([open]) > summary .state .next {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    details[open] > summary .state {
      min-height: 2lh;
    }
    /* Below the state whatever its length, so the own office's label takes one line in every state. */
    .row > .yours {
      flex-basis: 100%;
    }
  }
  .label-inline {
    font-weight: 600;
  }
  .contact,
  .contact-ghost {
    display: grid;
    gap: calc(var(--_s) * 0.5);
  }
  .contact > div,
  .contact-ghost > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_s);
  }
  dt {
    color: var(--_muted);
  }
  dt::after {
    content: ':';
  }
  tbody th {
    font-weight: 400;
  }
  tbody th,
  .nowrap {
    white-space: nowrap;
    overflow-wrap: normal;
  }
  .holidays {
    margin-top: var(--_s);
  }
  tr.today {
    background: var(--_surface-alt);
    font-weight: 700;
  }
  tr.today > th {
    font-weight: 700;
  }
  .closures,
  .tags {
    display: grid;
    gap: calc(var(--_s) * 0.25);
    padding-inline-start: 1.25em;
    list-style: disc;
  }
`;
