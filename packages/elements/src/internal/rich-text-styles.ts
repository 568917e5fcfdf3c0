import { css } from 'lit';

/** Styles of rendered rich text (`.rt`): paragraphs, bold lead-in lines, bulleted and numbered lists. */
export const richTextStyles = css`
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
