/**
 * Registers `<motcua-rating>` (side effect). Safe to load twice: see `defineElement`.
 *
 * @example <script type="module" src="…/rating/define.js"></script>
 */
import { defineElement } from '../define.js';
import { MotcuaRating } from './rating.js';

declare global {
  interface HTMLElementTagNameMap {
    'motcua-rating': MotcuaRating;
  }
}

defineElement('motcua-rating', MotcuaRating);

export { MotcuaRating };
// So that a page loading only this widget can register its own wording (see `registerMessages`).
export { registerMessages } from '../internal/i18n/registry.js';
