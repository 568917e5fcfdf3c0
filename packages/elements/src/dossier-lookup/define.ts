/**
 * Registers `<motcua-dossier-lookup>` (side effect). Safe to load twice: see `defineElement`.
 *
 * @example <script type="module" src="…/dossier-lookup/define.js"></script>
 */
import { defineElement } from '../define.js';
import { MotcuaDossierLookup } from './dossier-lookup.js';

declare global {
  interface HTMLElementTagNameMap {
    'motcua-dossier-lookup': MotcuaDossierLookup;
  }
}

defineElement('motcua-dossier-lookup', MotcuaDossierLookup);

export { MotcuaDossierLookup };
// So that a page loading only this widget can register its own wording (see `registerMessages`).
export { registerMessages } from '../internal/i18n/registry.js';
