import { RATING_LEVELS, type RatingLevel } from '@motcua/sdk';

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
