import { html, nothing, type TemplateResult } from 'lit';
import { icon } from '../internal/icons.js';
import type { LookupMessages } from './messages.js';
import { breakable } from './dossier-detail.js';

/** What the lookup form shows, and its event handlers. */
export interface LookupFormView {
  code: string;
  /** The message under the code field, and its tone. */
  feedback: string;
  feedbackTone: 'error' | 'ok' | '';
  codeInvalid: boolean;
  /** The server asks for the verification factor: show its field. */
  needVerify: boolean;
  verify: string;
  verifyInvalid: boolean;
  on: {
    submit: (event: SubmitEvent) => void;
    input: (event: InputEvent) => void;
    blur: () => void;
    verifyInput: (event: InputEvent) => void;
    scanClick: () => void;
    photo: (event: Event) => void;
  };
}

/** The code field (with the QR scan button), the verification field when asked for, the search button. */
export function renderLookupForm(m: LookupMessages, v: LookupFormView): TemplateResult {
  const tone = v.feedbackTone ? `feedback--${v.feedbackTone}` : '';
  return html`<form part="form" novalidate @submit=${v.on.submit}>
    <div class="field">
      <label for="code">${m.codeLabel}</label>
      <p id="code-hint" class="hint">${breakable(m.codeHint)}</p>
      <div class="row">
        <input
          id="code"
          part="input"
          type="text"
          .value=${v.code}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          enterkeyhint="search"
          aria-describedby="code-hint code-feedback"
          aria-invalid=${v.codeInvalid ? 'true' : 'false'}
          @input=${v.on.input}
          @blur=${v.on.blur}
        />
        <button type="button" class="secondary" part="scan" @click=${v.on.scanClick}>${icon('qr')}${m.scan}</button>
        <input id="photo" type="file" accept="image/*" capture="environment" hidden @change=${v.on.photo} />
      </div>
      <p id="code-feedback" part="feedback" class=${`feedback ${tone}`}>${v.feedback}</p>
    </div>
    ${v.needVerify
      ? html`<div class="field">
          <label for="verify">${m.verifyLabel}</label>
          <input
            id="verify"
            part="input verify"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            maxlength="4"
            class="short"
            .value=${v.verify}
            aria-invalid=${v.verifyInvalid ? 'true' : 'false'}
            aria-describedby="verify-feedback"
            @input=${v.on.verifyInput}
          />
          <p id="verify-feedback" class="feedback feedback--error">${v.verifyInvalid ? m.verifyInvalid : ''}</p>
        </div>`
      : nothing}
    <div>
      <button type="submit" part="button">${icon('search')}${m.submit}</button>
    </div>
  </form>`;
}
