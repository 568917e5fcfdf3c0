/**
 * Registers `<motcua-counter-directory>` (side effect). Safe to load twice: see `defineElement`.
 *
 * @example <script type="module" src="…/counter-directory/define.js"></script>
 */
import { defineElement } from '../define.js';
import { MotcuaCounterDirectory } from './counter-directory.js';

declare global {
  interface HTMLElementTagNameMap {
    'motcua-counter-directory': MotcuaCounterDirectory;
  }
}

defineElement('motcua-counter-directory', MotcuaCounterDirectory);

export { MotcuaCounterDirectory };
// So that a page loading only this widget can register its own wording (see `registerMessages`).
export { registerMessages } from '../internal/i18n/registry.js';
