import { html, nothing, type PropertyDeclaration, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { officesApi, type Coordinates, type OfficeKind, type OfficeSummary } from '@motcua/sdk';
import { MotcuaElement } from '../internal/motcua-element.js';
import { SearchField } from '../internal/search-field.js';
import { controlStyles, disclosureStyles, tableStyles } from '../internal/shared-styles.js';
import { distanceKm } from './distance.js';
import { messages, type DirectoryMessages } from './messages.js';
import { renderListGhost, renderOffice, type OfficeDetail } from './office-card.js';
import { directoryStyles } from './styles.js';

/** Re-render this often so "open now" follows the clock (when `now` is not fixed). */
const CLOCK_TICK_MS = 60_000;
const KINDS: readonly OfficeKind[] = ['provincial_centre', 'commune_centre', 'one_stop'];
/** Rows shown at first and added by each "show more": about two phone screens with the own office open. */
const PAGE = 6;

type Geo = 'idle' | 'locating' | 'located' | 'denied' | 'unavailable';

/** `now="2026-03-03T09:00:00+07:00"` → a Date; anything unparsable → the clock. */
const dateConverter: PropertyDeclaration['converter'] = {
  fromAttribute: (value: string | null) => {
    const date = value ? new Date(value) : undefined;
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
  },
};

/**
 * Directory of the province's one-stop offices: the provincial centre and every commune or ward office,
 * compact: one row per office (name, open now, distance), the site's own office first and open, a few rows
 * at a time with "show more". The list is the light one (`GET /v1/office-summaries`); an office's contacts and
 * fields come when its row opens (`GET /v1/offices/{id}`).
 * Search by name, including the names of communes merged away in 2025 ("Hòa Cư" finds the office of
 * Xã Công Sơn, which now serves it); filter by kind; see whether each office is open now (in Vietnam time,
 * with lunch breaks, seasonal hours, holidays and swapped working days), its hours, contacts and map
 * position; sort by distance with "Nearest to me" (the browser asks for the location only then).
 *
 * @summary Find a one-stop office, whether it is open, and how to reach it.
 *
 * @attr api - API base URL (else `<meta name="motcua:api">`, else `window.motcua.api`).
 * @attr unit - The site's unit code: its office is listed first (also when reached through a former unit code).
 * @attr now - For tests and demos only: the instant used for "open now" (ISO 8601, e.g.
 *   `2026-03-03T09:00:00+07:00`); the property takes a `Date`. Unset, the clock is used and followed each minute.
 * @attr heading-level - Outline level of the widget title (default 2).
 * @attr lang - `vi` (default) or `en`; inherited from ancestors and `<html lang>`.
 *
 * @event motcua-error - `{ kind, code: null }`: the list failed to load.
 *
 * @csspart base - The frame.
 * @csspart header - The title band.
 * @csspart search - The search field.
 * @csspart select - The kind filter.
 * @csspart nearest - The "nearest" button.
 * @csspart count - The result count and location messages.
 * @csspart results - The list (`aria-busy` while loading).
 * @csspart office - An office row (a disclosure: its summary line, its card when open).
 * @csspart state - Its open/closed line.
 * @csspart former-match - "Now serves…".
 * @csspart distance - Its distance.
 * @csspart map - Its map link.
 * @csspart schedule - Its weekly schedule.
 * @csspart more - The "show more" button.
 * @csspart error - An error box.
 * @csspart retry - Its retry button.
 * @csspart skeleton - A loading placeholder.
 */
export class MotcuaCounterDirectory extends MotcuaElement {
  static override styles = [MotcuaElement.styles, controlStyles, disclosureStyles, tableStyles, directoryStyles];

  static override properties = {
    now: { converter: dateConverter },
    _kind: { state: true },
    _geo: { state: true },
    _origin: { state: true },
    _shown: { state: true },
  };

  /** For tests and demos: the instant used for "open now" instead of the clock. */
  declare now: Date | undefined;

  declare private _kind: OfficeKind | '';
  declare private _geo: Geo;
  declare private _origin: Coordinates | null;
  /** How many rows are shown. */
  declare private _shown: number;

  readonly #q = new SearchField(this);
  /** Keys (`<office id>/<section>`) of the open disclosures. */
  #open = new Set<string>();
  #clock: ReturnType<typeof setInterval> | undefined;
  /** Whether the own office was opened once already (a citizen who closes it keeps it closed). */
  #ownOpened = false;
  /** The full office of each row opened, by id: loading (no office, no error), loaded, or failed. */
  #details = new Map<string, OfficeDetail>();

  #offices = new Task<[string, string], OfficeSummary[]>(this, {
    args: () => [this.#q.query, this._kind],
    task: ([q, kind], { signal }) =>
      officesApi(this.transport).summaries({ ...(q ? { q } : {}), ...(kind ? { kind: kind as OfficeKind } : {}) }, { signal }),
    onComplete: (offices) => {
      this._shown = PAGE;
      const own = offices.find((o) => this.#isOwn(o));
      if (own && !this.#ownOpened) {
        this.#ownOpened = true;
        this.#open.add(own.id);
        this.#loadDetail(own.id);
      }
    },
    onError: (error) => this.reportFailure(error, null),
  });

  constructor() {
    super();
    this._kind = '';
    this._geo = 'idle';
    this._origin = null;
    this._shown = PAGE;
  }

  readonly #messages = this.localize.use(messages);
  get #m(): DirectoryMessages {
    return this.#messages();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#clock = setInterval(() => this.now || this.requestUpdate(), CLOCK_TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#clock);
  }

  #onKind = (e: Event): void => {
    this._kind = (e.target as HTMLSelectElement).value as OfficeKind | '';
  };

  /** Ask for the position only now, on the citizen's click; a second click goes back to the usual order. */
  #onNearest = (): void => {
    if (this._origin) {
      this._origin = null;
      this._geo = 'idle';
      return;
    }
    const geo = globalThis.navigator?.geolocation;
    if (!geo) {
      this._geo = 'unavailable';
      return;
    }
    this._geo = 'locating';
    geo.getCurrentPosition(
      ({ coords }) => {
        this._origin = { lat: coords.latitude, lng: coords.longitude };
        this._geo = 'located';
        this._shown = PAGE;
        // Keyboard and screen reader users land on the nearest office.
        void this.updateComplete.then(() => this.#rows()[0]?.focus());
      },
      (error) => (this._geo = error.code === 1 ? 'denied' : 'unavailable'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  };

  #retry = (): void => void this.#offices.run();

  /** The rows' summaries, in display order. */
  #rows(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('.office > details > summary')];
  }

  /** Show more rows; focus goes to the first new one. */
  #onMore = (): void => {
    const first = this._shown;
    this._shown += PAGE;
    void this.updateComplete.then(() => this.#rows()[first]?.focus());
  };

  #isOpen = (key: string): boolean => this.#open.has(key);

  /** Fetch office `id` in full (its card's contacts and fields), once; again after a failure. */
  #loadDetail(id: string): void {
    const known = this.#details.get(id);
    if (known && !known.error) return;
    this.#details.set(id, {});
    officesApi(this.transport)
      .get(id)
      .then(
        (office) => this.#details.set(id, { office }),
        (error: unknown) => {
          this.#details.set(id, { error });
          this.reportFailure(error, null);
        },
      )
      .finally(() => this.requestUpdate());
  }

  #detailOf = (id: string): OfficeDetail => this.#details.get(id) ?? {};
  #retryDetail = (id: string): void => {
    this.#loadDetail(id);
    this.requestUpdate();
  };

  #onToggle = (e: Event): void => {
    const details = e.currentTarget as HTMLDetailsElement;
    const key = details.dataset.key!;
    if (details.open === this.#open.has(key)) return;
    if (details.open) this.#open.add(key);
    else this.#open.delete(key);
    if (details.open && !key.includes('/')) this.#loadDetail(key);
    this.requestUpdate();
  };

  #isOwn(o: OfficeSummary): boolean {
    const unit = this.unit?.trim();
    return !!unit && (o.unit.code === unit || o.formerUnits.some((u) => u.code === unit));
  }

  /** The list in display order with each office's distance: nearest first when located, else own office first. */
  #ordered(offices: OfficeSummary[]): { office: OfficeSummary; distance: number | null; own: boolean }[] {
    const origin = this._origin;
    const rows = offices.map((office) => ({
      office,
      distance: origin && office.location ? distanceKm(origin, office.location) : null,
      own: this.#isOwn(office),
    }));
    // Array sort is stable: otherwise the server's order (best match first) is kept.
    return rows.sort((a, b) => (origin ? (a.distance ?? Infinity) - (b.distance ?? Infinity) : Number(b.own) - Number(a.own)));
  }

  #statusText(m: DirectoryMessages, count: number | null): string {
    const geo =
      this._geo === 'locating'
        ? m.locating
        : this._geo === 'located'
          ? m.located
          : this._geo === 'denied'
            ? m.geoDenied
            : this._geo === 'unavailable'
              ? m.geoUnavailable
              : '';
    // A blank line while loading: the count arriving moves nothing.
    return [count == null ? '' : m.count(count), geo].filter(Boolean).join('. ') || '\u00a0';
  }

  protected override render(): TemplateResult {
    const m = this.#m;
    const task = this.#offices;
    const pending = task.status === TaskStatus.PENDING;
    const offices = task.value ?? [];
    const complete = task.status === TaskStatus.COMPLETE;
    let body: unknown;
    if (task.status === TaskStatus.ERROR) {
      body = this.renderFailure(task.error, this.#retry);
    } else if (!complete && !offices.length) {
      body = renderListGhost(m, this.lang_, PAGE, !!this.unit?.trim());
    } else if (!offices.length) {
      body = html`<p class="empty">${m.empty}</p>`;
    } else {
      const now = this.now && !Number.isNaN(this.now.getTime()) ? this.now : new Date();
      const rows = this.#ordered(offices);
      const rest = rows.length - this._shown;
      body = html`<ul class="offices" role="list">
          ${rows.slice(0, this._shown).map(({ office, distance, own }) =>
            renderOffice(office, {
              m,
              lang: this.lang_,
              now,
              query: this.#q.query,
              distance,
              own,
              isOpen: this.#isOpen,
              onToggle: this.#onToggle,
              detail: this.#detailOf,
              retryDetail: this.#retryDetail,
              failure: (error, retry) => this.renderFailure(error, retry),
            }),
          )}
        </ul>
        ${rest > 0
          ? html`<button type="button" class="secondary more" part="more" @click=${this.#onMore}>${m.more(Math.min(rest, PAGE), rest)}</button>`
          : nothing}
        ${offices.some((o) => o.demo) ? html`<p class="muted">${m.demo}</p>` : nothing}`;
    }
    return html`<div class="root" part="base" lang=${this.localize.locale}>
      ${this.heading(m.title, 0, 'header', 'header')}
      <div class="body">
        <form role="search" class="search" novalidate @submit=${this.#q.onSubmit}>
          ${this.#q.render(m.searchLabel, m.searchHint)}
          <div class="filters">
            <div class="field">
              <label for="kind">${m.kind}</label>
              <select id="kind" part="select" @change=${this.#onKind}>
                <option value="" ?selected=${!this._kind}>${m.anyKind}</option>
                ${KINDS.map((k) => html`<option value=${k} ?selected=${this._kind === k}>${m.kinds[k]}</option>`)}
              </select>
            </div>
            <div class="field nearest">
              <button
                type="button"
                class="secondary"
                part="nearest"
                aria-pressed=${this._origin ? 'true' : 'false'}
                ?disabled=${this._geo === 'locating'}
                @click=${this.#onNearest}
              >
                ${m.nearest}
              </button>
            </div>
          </div>
        </form>
        <p class="count" part="count" role="status">${this.#statusText(m, complete ? offices.length : null)}</p>
        <div part="results" class=${pending ? 'results stale' : 'results'} aria-busy=${pending ? 'true' : 'false'}>
          ${body}
        </div>
      </div>
    </div>`;
  }
}
