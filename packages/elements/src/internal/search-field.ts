/**
 * A search field that searches as the citizen types: what is typed shows at once, the query (trimmed) follows
 * after a pause in typing, or at once on Enter or when a filter changes.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** Pause after the last keystroke before searching. */
export const SEARCH_DEBOUNCE_MS = 250;

export class SearchField implements ReactiveController {
  /** The text in the field. */
  input = '';
  /** The text searched for: {@link input}, trimmed, once committed. */
  query = '';

  readonly #host: ReactiveControllerHost;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** Search for what is typed now. */
  commit(): void {
    clearTimeout(this.#timer);
    const query = this.input.trim();
    if (query !== this.query) {
      this.query = query;
      this.#host.requestUpdate();
    }
  }

  #onInput = (event: Event): void => {
    this.input = (event.target as HTMLInputElement).value;
    this.#host.requestUpdate();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.commit(), SEARCH_DEBOUNCE_MS);
  };

  /** For the form around the field: Enter searches at once. */
  onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.commit();
  };

  /** The labelled field (`#q`, part `search`), with its hint. */
  render(label: string, hint: string, onKeydown?: (event: KeyboardEvent) => void): TemplateResult {
    return html`<div class="field">
      <label for="q">${label}</label>
      <p id="q-hint" class="hint">${hint}</p>
      <input
        id="q"
        part="search"
        type="search"
        .value=${this.input}
        autocomplete="off"
        spellcheck="false"
        enterkeyhint="search"
        aria-describedby="q-hint"
        @input=${this.#onInput}
        @keydown=${onKeydown}
      />
    </div>`;
  }
}
