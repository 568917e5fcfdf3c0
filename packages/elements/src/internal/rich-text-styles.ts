import { css } from 'lit';
import { disclosureStyles } from './shared-styles.js';

/** Styles of rendered rich text (`.rt`): paragraphs, bold lead-in lines, bulleted and numbered lists. */
const richText = css`
  .rt {
    display: grid;
    gap: var(--_s);
  }
  .rt p {
    white-space: pre-line;
  }
  .rt-h {
    font-weight: 700;
  }
  .rt ul,
  .rt ol {
    padding-inline-start: 1.5em;
    display: grid;
    gap: calc(var(--_s) * 0.5);
  }
  .rt ul {
    list-style: disc;
  }
  .rt ol {
    list-style: decimal;
  }
  a {
    color: var(--_accent);
  }
`;

/**
 * The long catalogue content around it, phone first: a summary box, sections collapsed behind their
 * headings (`details.sec`), the tickable checklist of documents (`.doc`), notes, and a print style that
 * prints the checklist alone while its article has the class `printing`.
 */
const content = css`
  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14em), 1fr));
    gap: var(--_s) calc(var(--_s) * 2);
    padding: calc(var(--_s) * 1.25);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .sec {
    border-top: 1px solid var(--_border);
  }
  .sec > summary > * {
    flex: 1;
  }
  .sec-body,
  .bring,
  .group,
  .docs,
  .notes,
  .method {
    display: grid;
    gap: var(--_s);
  }
  .sec-body {
    padding-block: calc(var(--_s) * 0.5) calc(var(--_s) * 2);
  }
  .doc {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: calc(var(--_s) * 0.25) var(--_s);
    padding: var(--_s);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .doc input {
    width: 1.5em;
    height: 1.5em;
    margin-top: 0.1em;
    accent-color: var(--_primary);
  }
  .doc label {
    font-weight: 400;
    display: grid;
    gap: calc(var(--_s) * 0.25);
    cursor: pointer;
  }
  .doc > :nth-child(n + 3) {
    grid-column: 2;
  }
  .notes > li {
    padding-inline-start: calc(var(--_s) * 1.5);
    border-inline-start: 3px solid var(--_border);
  }
  .bring > button {
    justify-self: start;
  }
  @media print {
    .printing > :not(.to-bring),
    .printing button,
    .printing summary::before {
      display: none;
    }
    .doc {
      break-inside: avoid;
    }
  }
`;

/** Everything the procedure content needs, disclosures included. */
export const richTextStyles = [disclosureStyles, richText, content];
