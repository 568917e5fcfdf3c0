import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import {
  PAGE_LIMIT_MAX,
  fieldsApi,
  proceduresApi,
  type Field,
  type HttpError,
  type OnlineLevel,
  type Page,
  type Procedure,
  type ProcedureLevel,
  type ProcedureSearch,
  type ProcedureSummary,
} from '@motcua/sdk';
import { MotcuaElement } from '../internal/motcua-element.js';
import { classifyError, isAbort } from '../internal/error-kind.js';
import { SearchField } from '../internal/search-field.js';
import { readUrlParam, urlWithParam, writeUrlParam } from '../internal/url-param.js';
import { controlStyles } from '../internal/shared-styles.js';
import { richTextStyles } from '../internal/rich-text-styles.js';
import { messages, type FinderMessages } from './messages.js';
import { renderProcedure } from './procedure-detail.js';
import { finderStyles } from './styles.js';

/** Detail of `motcua-search`: the query about to be searched (after the typing pause). */
export interface MotcuaSearchDetail {
  query: string;
}
/** Detail of `motcua-procedure-select`: the code of the procedure a citizen opened. */
export interface MotcuaProcedureSelectDetail {
  code: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** `<motcua-procedure-finder>` starts a search. */
    'motcua-search': CustomEvent<MotcuaSearchDetail>;
    /** A procedure was chosen in `<motcua-procedure-finder>` (cancelable: the host then shows it its own way). */
    'motcua-procedure-select': CustomEvent<MotcuaProcedureSelectDetail>;
  }
}

export { SEARCH_DEBOUNCE_MS } from '../internal/search-field.js';
const PAGE_SIZE = 20;

/** The server refused a next-page cursor (the list was ranked again, or the catalogue changed): start over. */
const isCursorRefused = (error: unknown): boolean =>
  (error as HttpError | undefined)?.status === 400 && !!(error as HttpError).problem?.errors?.some((e) => e.path === 'query.cursor');

/** The level a site's unit offers: a commune code (5 digits) the commune's, a province code (2) the province's. */
const siteLevel = (unit: string | undefined): ProcedureLevel | null =>
  /^[0-9]{5}$/.test(unit ?? '') ? 'commune' : /^[0-9]{2}$/.test(unit ?? '') ? 'province' : null;

type SearchArgs = readonly [q: string, level: string, field: string, online: string, unit: string];

/**
 * Procedure finder: search the catalogue as you type (accents optional, codes too), narrow by level, field
 * and online filing, and open a procedure to see how to apply, the documents to bring, fees, time limits,
 * steps and legal basis, with a link to apply online on the national portal.
 *
 * @summary Search administrative procedures and read how to apply.
 *
 * @attr api - API base URL (else `<meta name="motcua:api">`, else `window.motcua.api`).
 * @attr unit - The site's unit code: a commune code (5 digits) preselects commune-level procedures, a
 *   province code (2 digits) province-level ones; with any level chosen, that level's variant ranks first.
 * @attr code - Open this procedure on load (a deep link), e.g. `1.001193`.
 * @attr url-param - Opt-in: keep the open procedure's code in this query parameter of the page URL (read on
 *   load, written on open and close, followed on back/forward), e.g. `thu_tuc`. Results are then links to that
 *   URL, so a procedure also opens in a new tab.
 * @attr heading-level - Outline level of the widget title (default 2).
 * @attr lang - `vi` (default) or `en`; inherited from ancestors and `<html lang>`.
 *
 * @event motcua-search - `{ query }`: a search starts (after a 250 ms pause in typing, or a filter change).
 * @event motcua-procedure-select - `{ code }`, cancelable: a citizen opens a procedure; `preventDefault()`
 *   keeps the list and lets the host page show it instead.
 * @event motcua-error - `{ kind, code }`: a search or a procedure failed to load.
 *
 * @csspart base - The frame.
 * @csspart header - The title band.
 * @csspart search - The search field.
 * @csspart filters - The filter row.
 * @csspart select - Each filter.
 * @csspart note - A status line: says when a level change cleared the chosen field.
 * @csspart count - The result count.
 * @csspart results - The result list (`aria-busy` while loading).
 * @csspart item - A result: a link with `url-param` (a plain click opens it in the widget), else a button.
 * @csspart more - The "show more" button.
 * @csspart detail - The procedure view.
 * @csspart back - Its back button.
 * @csspart apply - The apply-online link.
 * @csspart error - An error box.
 * @csspart retry - Its retry button.
 * @csspart skeleton - A loading placeholder.
 */
export class MotcuaProcedureFinder extends MotcuaElement {
  static override styles = [MotcuaElement.styles, controlStyles, richTextStyles, finderStyles];

  static override properties = {
    code: {},
    urlParam: { attribute: 'url-param' },
    _level: { state: true },
    _field: { state: true },
    _online: { state: true },
    _fieldCleared: { state: true },
    _items: { state: true },
    _open: { state: true },
  };

  /** Code of a procedure to open (deep link). */
  declare code: string | undefined;
  /** Query parameter of the page URL that carries the open procedure's code; off unless set. */
  declare urlParam: string | undefined;

  declare private _level: ProcedureLevel | '';
  declare private _field: string;
  declare private _online: OnlineLevel | '';
  /** The name of the chosen field the last level change cleared (said once, in a status line). */
  declare private _fieldCleared: string;
  declare private _items: ProcedureSummary[];
  declare private _open: string | null;

  readonly #q = new SearchField(this);
  #levelTouched = false;
  /** The code whose list button gets focus back when the detail closes. */
  #returnTo: string | null = null;
  #query: ProcedureSearch = {};
  // Set with `_items` (a new array each time, which re-renders): the total and the next page's cursor.
  #total = 0;
  #next: string | null = null;

  // Only the fields with procedures at the chosen level; a chosen field the new level lacks is cleared, and said.
  #fields = new Task<[string | null, ProcedureLevel | ''], Field[]>(this, {
    args: () => [this.apiBase, this._level],
    task: async ([, level], { signal }) => {
      const before = this.#fields.value;
      const fields = (await fieldsApi(this.transport).list({ ...(level ? { level } : {}), signal })).sort((a, b) =>
        a.name.localeCompare(b.name, 'vi'),
      );
      this._fieldCleared = '';
      if (this._field && !fields.some((f) => f.id === this._field)) {
        this._fieldCleared = before?.find((f) => f.id === this._field)?.name ?? this._field;
        this._field = '';
      }
      return fields;
    },
  });

  #search = new Task<SearchArgs, Page<ProcedureSummary> | null>(this, {
    args: () => [this.#q.query, this._level, this._field, this._online, siteLevel(this.unit) ? this.unit! : ''],
    task: async ([q, level, field, online, unit], { signal }) => {
      this.#more.abort();
      // A field chosen before a level change waits for the level's fields: one the level lacks is cleared, and the
      // search runs again without it instead of once with it ("nothing found") first.
      if (field && this.#fields.status === TaskStatus.PENDING) {
        await this.#fields.taskComplete.catch(() => undefined);
        if (this._field !== field) {
          // The clearing's search has started by then, and this stale run's result is dropped.
          await this.updateComplete;
          signal.throwIfAborted();
          return null;
        }
      }
      if (!q && !field && !online) return null;
      this.#query = {
        ...(q ? { q } : {}),
        ...(level ? { level: level as ProcedureLevel } : {}),
        ...(field ? { field } : {}),
        ...(online ? { online: online as OnlineLevel } : {}),
        // The site's level ranks first among near-equal matches, also when "all levels" is chosen.
        ...(unit ? { unit } : {}),
        limit: PAGE_SIZE,
      };
      this.emit('motcua-search', { query: q });
      return proceduresApi(this.transport).search(this.#query, { signal });
    },
    onComplete: (page) => {
      this._items = page?.items ?? [];
      this.#total = page?.total ?? 0;
      this.#next = page?.nextCursor ?? null;
    },
    onError: (error) => this.reportFailure(error, null),
  });

  #more = new Task<[string], { page: Page<ProcedureSummary>; again: boolean }>(this, {
    autoRun: false,
    task: async ([cursor], { signal }) => {
      const api = proceduresApi(this.transport);
      try {
        return { page: await api.search({ ...this.#query, cursor }, { signal }), again: false };
      } catch (error) {
        if (!isCursorRefused(error)) throw error;
      }
      // The server ranked the list again since the last page (new filings): the rows shown and the next page, from
      // the first, so none is repeated or skipped.
      const limit = Math.min(PAGE_LIMIT_MAX, this._items.length + PAGE_SIZE);
      return { page: await api.search({ ...this.#query, limit }, { signal }), again: true };
    },
    onComplete: async ({ page, again }) => {
      const first = this._items.length;
      this._items = again ? page.items : [...this._items, ...page.items];
      this.#total = page.total;
      this.#next = page.nextCursor;
      // Keyboard users continue where the new results start (the task re-renders the host after this returns).
      await this.#rendered();
      this.#buttons()[first]?.focus();
    },
    onError: (error) => this.reportFailure(error, null),
  });

  #detail = new Task<[string | null], Procedure | null>(this, {
    args: () => [this._open],
    task: async ([code], { signal }) => (code ? proceduresApi(this.transport).get(code, { signal }) : null),
    onComplete: async (p) => {
      if (!p) return;
      await this.#rendered();
      this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
    },
    onError: (error) => this.reportFailure(error, this._open),
  });

  constructor() {
    super();
    this._level = '';
    this._field = '';
    this._online = '';
    this._fieldCleared = '';
    this._items = [];
    this._open = null;
  }

  readonly #messages = this.localize.use(messages);
  get #m(): FinderMessages {
    return this.#messages();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('popstate', this.#onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.#onPopState);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('unit') && !this.#levelTouched) {
      this._level = siteLevel(this.unit) ?? '';
    }
    if (changed.has('code') && this.code) this._open = this.code.trim();
    if (!this.hasUpdated && this.urlParam) this._open = readUrlParam(this.ownerDocument, this.urlParam) ?? this._open;
  }

  #onPopState = (): void => {
    if (this.urlParam) this.#show(readUrlParam(this.ownerDocument, this.urlParam), false);
  };

  /** Resolves once the render that follows the current task result is done. */
  async #rendered(): Promise<void> {
    this.requestUpdate();
    await this.updateComplete;
  }

  /** The result rows (links with `url-param`, else buttons). */
  #buttons(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('.item')];
  }

  #onSearchKey = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowDown' && this._items.length) {
      e.preventDefault();
      this.#buttons()[0]?.focus();
    }
  };

  #onListKey = (e: KeyboardEvent): void => {
    const buttons = this.#buttons();
    const i = buttons.indexOf(e.target as HTMLElement);
    const to = i < 0 ? undefined : ({ ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: buttons.length - 1 } as Record<string, number>)[e.key];
    if (to === undefined) return;
    e.preventDefault();
    if (to < 0) this.renderRoot.querySelector<HTMLInputElement>('#q')?.focus();
    else buttons[Math.min(to, buttons.length - 1)]?.focus();
  };

  #onFilter = (e: Event): void => {
    const select = e.target as HTMLSelectElement;
    if (select.name === 'level') {
      this.#levelTouched = true;
      this._level = select.value as ProcedureLevel | '';
    } else if (select.name === 'field') {
      this._field = select.value;
      this._fieldCleared = '';
    } else this._online = select.value as OnlineLevel | '';
    this.#q.commit();
  };



  #onPick = (e: MouseEvent): void => {
    // A link opened in a new tab or window (Ctrl/⌘/Shift-click) is the browser's to follow.
    if (e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    const code = (e.currentTarget as HTMLElement).dataset.code!;
    if (this.emit('motcua-procedure-select', { code }, { cancelable: true }).defaultPrevented) return;
    this.#show(code, true);
  };

  /** Open procedure `code` (or return to the list with null); `push` records it in the page URL. */
  #show(code: string | null, push: boolean): void {
    if (code === this._open) return;
    if (code) this.#returnTo = code;
    this._open = code;
    if (push && this.urlParam) writeUrlParam(this.ownerDocument, this.urlParam, code);
    if (!code) void this.updateComplete.then(() => this.#focusReturn());
  }

  #focusReturn(): void {
    const target = this.#buttons().find((b) => b.dataset.code === this.#returnTo);
    (target ?? this.renderRoot.querySelector<HTMLInputElement>('#q'))?.focus();
  }

  #onBack = (): void => this.#show(null, true);

  #retrySearch = (): void => {
    if (this.#fields.status === TaskStatus.ERROR) void this.#fields.run();
    void this.#search.run();
  };
  #retryDetail = (): void => void this.#detail.run();
  /** Load the next page (also the retry after a failed one). */
  #loadMore = (): void => void this.#more.run([this.#next!]);

  protected override render(): TemplateResult {
    const m = this.#m;
    return html`<div class="root" part="base" lang=${this.localize.locale}>
      ${this.heading(m.title, 0, 'header', 'header')}
      <div class="body">
        <div class="list" ?hidden=${!!this._open}>${this.#renderSearch(m)} ${this.#renderResults(m)}</div>
        ${this._open ? this.#renderDetail(m) : nothing}
      </div>
    </div>`;
  }

  #renderSearch(m: FinderMessages): TemplateResult {
    // One filter: a labelled select of `options` ([value, label]) after "any", with `current` selected.
    const filter = (name: string, label: string, any: string, current: string, options: readonly (readonly [string, string])[]) =>
      html`<div class="field">
        <label for=${name}>${label}</label>
        <select id=${name} name=${name} part="select">
          ${[['', any] as const, ...options].map(([value, text]) => html`<option value=${value} ?selected=${value === current}>${text}</option>`)}
        </select>
      </div>`;
    return html`<form role="search" class="search" novalidate @submit=${this.#q.onSubmit}>
      ${this.#q.render(m.searchLabel, m.searchHint, this.#onSearchKey)}
      <fieldset class="filters" part="filters" @change=${this.#onFilter}>
        <legend class="sr-only">${m.filters}</legend>
        ${filter('level', m.level, m.anyLevel, this._level, (['province', 'commune'] as const).map((l) => [l, m.levels[l]] as const))}
        ${filter('field', m.field, m.anyField, this._field, (this.#fields.value ?? []).map((f) => [f.id, f.name] as const))}
        ${filter('online', m.online, m.anyOnline, this._online, (['full', 'partial', 'none'] as const).map((l) => [l, m.onlineLevels[l]] as const))}
      </fieldset>
      <p class="note" part="note" role="status">${this._fieldCleared && this._level ? m.fieldCleared(this._fieldCleared, m.levels[this._level]) : ''}</p>
    </form>`;
  }

  #countText(m: FinderMessages): string {
    const { status, value } = this.#search;
    if (status === TaskStatus.PENDING) return m.searching;
    if (status !== TaskStatus.COMPLETE || !value) return '';
    // Nothing found is said once, here (not as "0 procedures" above the same news).
    if (!this._items.length) return m.empty;
    return m.count(this.#total) + (this.#total > this._items.length ? m.shown(this._items.length) : '');
  }

  #renderResults(m: FinderMessages): TemplateResult {
    const search = this.#search;
    const pending = search.status === TaskStatus.PENDING;
    const morePending = this.#more.status === TaskStatus.PENDING;
    const moreError = this.#more.status === TaskStatus.ERROR && !isAbort(this.#more.error);
    let body: unknown;
    if (search.status === TaskStatus.ERROR) {
      body = this.renderFailure(search.error, this.#retrySearch);
    } else if (pending && !this._items.length) {
      body = this.renderSkeleton(5);
    } else if (search.status === TaskStatus.COMPLETE && !search.value) {
      body = html`<p class="muted">${m.initial}</p>`;
    } else if (this._items.length) {
      body = html`<ul class="items" role="list" @keydown=${this.#onListKey}>
        ${this._items.map((p) => this.#renderItem(m, p))}
      </ul>`;
    }
    return html`<p class="count" part="count" role="status">${this.#countText(m)}</p>
      <div part="results" class="results ${pending ? 'stale' : ''}" aria-busy=${pending || morePending}>
        ${body}
        ${moreError ? this.renderFailure(this.#more.error, this.#loadMore) : nothing}
        ${morePending ? this.renderSkeleton(2) : nothing}
        ${this.#next && !morePending && !moreError && search.status === TaskStatus.COMPLETE
          ? html`<button class="secondary more" part="more" @click=${this.#loadMore}>${m.more}</button>`
          : nothing}
      </div>`;
  }

  // The list's buttons are outside the search form (and a shadow root's buttons never submit a page's form).
  #renderItem(m: FinderMessages, p: ProcedureSummary): TemplateResult {
    const meta = [p.code, p.field?.name, p.levels.map((l) => m.levels[l]).join(', ')].filter(Boolean).join(' · ');
    const row = html`<span class="name">${p.name}</span>
      <span class="meta">${meta}</span>
      ${p.online && p.online !== 'none' ? html`<span class="badge online">${m.onlineLevels[p.online]}</span>` : nothing}`;
    // With `url-param`, a link to this page with the procedure open (a new tab works), else a button.
    return html`<li>
      ${this.urlParam
        ? html`<a class="item" part="item" href=${urlWithParam(this.ownerDocument, this.urlParam, p.code)} data-code=${p.code} @click=${this.#onPick}>${row}</a>`
        : html`<button class="item" part="item" data-code=${p.code} @click=${this.#onPick}>${row}</button>`}
    </li>`;
  }

  #renderDetail(m: FinderMessages): TemplateResult {
    const task = this.#detail;
    const pending = task.status === TaskStatus.PENDING || task.status === TaskStatus.INITIAL;
    let body: unknown = nothing;
    if (task.status === TaskStatus.ERROR) {
      const failure = classifyError(task.error);
      body =
        failure.kind === 'not_found'
          ? this.renderError(m.notFound)
          : this.renderError(this.errorMessage(failure), this.#retryDetail);
    } else if (pending) {
      body = html`<p class="sr-only" role="status">${m.loadingDetail}</p>${this.renderSkeleton(8)}`;
    } else if (task.value) {
      body = renderProcedure(task.value, m, this.lang_, (text, depth, id) =>
        html`<div id=${id ?? nothing} tabindex=${id ? -1 : nothing}>${this.heading(text, depth)}</div>`,
      );
    }
    return html`<div class="detail" part="detail" aria-busy=${pending}>
      <button class="secondary back" part="back" @click=${this.#onBack}><span aria-hidden="true">←</span> ${m.back}</button>
      ${body}
    </div>`;
  }
}
