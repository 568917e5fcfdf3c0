import type { PropertyDeclarations } from 'lit';
import { MotcuaElement } from './motcua-element.js';

/**
 * Base of a widget that is also a form control of the host page's `<form>` (after Web Awesome's
 * form-associated element): it owns the `ElementInternals`, the validity API, and the callbacks by which the
 * browser resets, disables and restores the control. A subclass sets its value and validity through
 * {@link internals}, and answers {@link formReset} and {@link formRestore}.
 */
export class MotcuaFormAssociatedElement extends MotcuaElement {
  static formAssociated = true;

  static override properties: PropertyDeclarations = {
    name: { reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
  };

  /** Form field name. */
  declare name: string;
  /** A value must be given for the form to submit. */
  declare required: boolean;
  /** Not editable, not submitted. */
  declare disabled: boolean;
  protected readonly internals: ElementInternals;
  /** Disabled by an ancestor (`<fieldset disabled>`, a disabled form). */
  #formDisabled = false;
  #showErrors = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.name = '';
    this.required = false;
    this.disabled = false;
    // The form's own validation (submit, reportValidity) marks the fields so their messages show.
    this.addEventListener('invalid', () => (this.showErrors = true));
  }

  /** The `<form>` this control belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    this.showErrors = true;
    return this.internals.reportValidity();
  }

  /** Disabled by its own attribute or by the form. */
  protected get isDisabled(): boolean {
    return this.disabled || this.#formDisabled;
  }

  /** Whether to show what is wrong with the input: once the citizen or the form asked to check it. */
  protected get showErrors(): boolean {
    return this.#showErrors;
  }
  protected set showErrors(show: boolean) {
    if (show !== this.#showErrors) {
      this.#showErrors = show;
      this.requestUpdate();
    }
  }

  formAssociatedCallback(): void {
    this.requestUpdate();
  }

  formResetCallback(): void {
    this.showErrors = false;
    this.formReset();
  }

  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.formRestore(state);
  }

  /** Go back to the initial value (the form was reset). */
  protected formReset(): void {}

  /** Take back a state saved by `internals.setFormValue(value, state)` (back/forward, autofill restore). */
  protected formRestore(_state: string): void {}
}
