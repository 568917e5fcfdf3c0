/**
 * Registers `<motcua-stats>` (side effect). Safe to load twice: see `defineElement`.
 *
 * @example <script type="module" src="…/stats/define.js"></script>
 */
import { defineElement } from '../define.js';
import { MotcuaStats } from './stats.js';

declare global {
  interface HTMLElementTagNameMap {
    'motcua-stats': MotcuaStats;
  }
}

defineElement('motcua-stats', MotcuaStats);

export { MotcuaStats };
// So that a page loading only this widget can register its own wording (see `registerMessages`).
export { registerMessages } from '../internal/i18n/registry.js';
