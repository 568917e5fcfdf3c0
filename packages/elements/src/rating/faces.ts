import { html, type TemplateResult } from 'lit';
import type { RatingLevel } from '@motcua/sdk';

const MOUTHS: Record<RatingLevel, string> = {
  very_satisfied: 'M7.5 14c1.2 2.2 2.7 3.2 4.5 3.2s3.3-1 4.5-3.2',
  satisfied: 'M8.5 15c1 .8 2.2 1.2 3.5 1.2s2.5-.4 3.5-1.2',
  dissatisfied: 'M8.5 16.5c1-.9 2.2-1.3 3.5-1.3s2.5.4 3.5 1.3',
};

/** The face of a level, drawn with strokes; the label next to it says the same in words. */
export function face(level: RatingLevel): TemplateResult {
  return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" class="face">
    <circle cx="12" cy="12" r="9.5" /><path d="M9 9.5v.5M15 9.5v.5" /><path d=${MOUTHS[level]} />
  </svg>`;
}
