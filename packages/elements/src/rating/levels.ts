import { html, type TemplateResult } from 'lit';
import { RATING_LEVELS, type RatingLevel } from '@motcua/sdk';
import { face } from './faces.js';
import type { RatingMessages } from './messages.js';

export const isLevel = (v: unknown): v is RatingLevel => (RATING_LEVELS as readonly unknown[]).includes(v);

/**
 * Where a key press in the radio group leads, after the ARIA radio group pattern: the index of the level to
 * move to (arrows wrap, Home, End), `'choose'` to choose the focused one (Space, Enter), null for other keys.
 */
export function levelKey(key: string, current: number): number | 'choose' | null {
  const count = RATING_LEVELS.length;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case ' ':
    case 'Enter':
      return 'choose';
    default:
      return null;
  }
}

export interface LevelsState {
  value: RatingLevel | '';
  required: boolean;
  invalid: boolean;
  disabled: boolean;
  onClick: (event: MouseEvent) => void;
  onKeydown: (event: KeyboardEvent) => void;
}

/** The three levels as a radio group labelled by `#question`; the checked one (or the first) is focusable. */
export function renderLevels(m: RatingMessages, s: LevelsState): TemplateResult {
  const focusable = s.value || RATING_LEVELS[0];
  const flag = (on: boolean) => (on ? 'true' : 'false');
  return html`<div
    role="radiogroup"
    part="levels"
    class="levels"
    aria-labelledby="question"
    aria-describedby="level-error"
    aria-required=${flag(s.required)}
    aria-invalid=${flag(s.invalid)}
    aria-disabled=${flag(s.disabled)}
  >
    ${RATING_LEVELS.map((level) => {
      const checked = s.value === level;
      return html`<div
        role="radio"
        part=${`level level-${level}${checked ? ' checked' : ''}`}
        class=${`level level--${level}`}
        data-level=${level}
        aria-checked=${flag(checked)}
        aria-disabled=${flag(s.disabled)}
        tabindex=${!s.disabled && level === focusable ? '0' : '-1'}
        @click=${s.onClick}
        @keydown=${s.onKeydown}
      >
        ${face(level)}<span>${m.levels[level]}</span>
      </div>`;
    })}
  </div>`;
}
