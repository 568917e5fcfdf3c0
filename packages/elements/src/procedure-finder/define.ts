/**
 * Registers `<motcua-procedure-finder>` (side effect). Safe to load twice: see `defineElement`.
 *
 * @example <script type="module" src="…/procedure-finder/define.js"></script>
 */
import { defineElement } from '../define.js';
import { MotcuaProcedureFinder } from './procedure-finder.js';

declare global {
  interface HTMLElementTagNameMap {
    'motcua-procedure-finder': MotcuaProcedureFinder;
  }
}

defineElement('motcua-procedure-finder', MotcuaProcedureFinder);

export { MotcuaProcedureFinder };
// So that a page loading only this widget can register its own wording (see `registerMessages`).
export { registerMessages } from '../internal/i18n/registry.js';
