import { html, nothing, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { statsApi, type Stats, type StatsFigures } from '@motcua/sdk';
import { MotcuaElement } from '../internal/motcua-element.js';
import { disclosureStyles, tableStyles } from '../internal/shared-styles.js';
import { formatDate, formatNumber, formatPercent } from '../internal/i18n/format.js';
import { renderMonthly, renderMonthlyGhost, settledParts } from './chart.js';
import { messages, type StatsMessages } from './messages.js';
import { statsStyles } from './styles.js';

// Today in Vietnam (en-CA writes YYYY-MM-DD): the SDK's time module would add a chunk to this page. One formatter
// for every render: creating one with a time zone costs tens of milliseconds on a slow phone.
let vnDate: Intl.DateTimeFormat | undefined;
const vnToday = () => (vnDate ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })).format(new Date());

type StatsArgs = readonly [unit: string, from: string, to: string, api: string | null];

/** The unit's figures (null without `unit`) and the province's, over the same period. */
interface StatsPair {
  own: Stats | null;
  province: Stats;
}

type Figure = 'received' | 'settled' | 'overdue' | 'inProgress';

/**
 * Headline figures of the one-stop service for a unit and a period, beside the whole province's: dossiers
 * received, settled, the share settled on time or early (with early, on time and late apart), overdue and in progress; with a small bar chart of
 * the monthly series and the same figures as a table.
 *
 * @summary Processing statistics of a commune (or the province), month by month.
 *
 * @attr api - API base URL (else `<meta name="motcua:api">`, else `window.motcua.api`).
 * @attr unit - Unit code (e.g. `06220`); its figures come first and the province's are shown beside. Without
 *   it, the province's figures.
 * @attr from - First day of the period, `YYYY-MM-DD`.
 * @attr to - Last day, `YYYY-MM-DD`. Without them, the
 *   server's default: the last 12 months.
 * @attr heading-level - Outline level of the widget title (default 2).
 * @attr lang - `vi` (default) or `en`; inherited from ancestors and `<html lang>`.
 *
 * @event motcua-error - `{ kind, code }` (`code` = the unit): the figures failed to load.
 *
 * @csspart base - The frame.
 * @csspart header - The title band.
 * @csspart period - The period line.
 * @csspart figures - The figure cards.
 * @csspart figure - Each card.
 * @csspart headline - The on-time card.
 * @csspart split - Its early / on time / late line.
 * @csspart chart - The monthly chart.
 * @csspart table - Its table alternative (a `<details>`).
 * @csspart error - An error box.
 * @csspart retry - Its retry button.
 * @csspart skeleton - A loading placeholder.
 */
export class MotcuaStats extends MotcuaElement {
  static override styles = [MotcuaElement.styles, disclosureStyles, tableStyles, statsStyles];

  static override properties = {
    from: {},
    to: {},
  };

  /** First day of the period (`YYYY-MM-DD`). */
  declare from: string | undefined;
  /** Last day of the period (`YYYY-MM-DD`). */
  declare to: string | undefined;

  #stats = new Task<StatsArgs, StatsPair>(this, {
    args: () => [this.unit?.trim() ?? '', this.from?.trim() ?? '', this.to?.trim() ?? '', this.apiBase],
    task: async ([unit, from, to], { signal }) => {
      const period = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      const [own, province] = await Promise.all([
        unit ? statsApi(this.transport).get({ unit, ...period }, { signal }) : null,
        statsApi(this.transport).get(period, { signal }),
      ]);
      return { own, province };
    },
    onError: (error) => this.reportFailure(error, this.unit?.trim() || null),
  });

  readonly #messages = this.localize.use(messages);
  get #m(): StatsMessages {
    return this.#messages();
  }

  #retry = (): void => void this.#stats.run();

  /** The figures whose chart was last brought to its latest month. */
  #scrolledFor: StatsPair | undefined;

  /**
   * On a narrow screen the chart scrolls sideways: open it at the latest months (what a citizen looks for),
   * once per set of figures, so a scroll the citizen made is never undone by a re-render.
   */
  protected override updated(): void {
    const value = this.#stats.status === TaskStatus.COMPLETE ? this.#stats.value : undefined;
    if (!value || value === this.#scrolledFor) return;
    this.#scrolledFor = value;
    const scroller = this.renderRoot.querySelector<HTMLElement>('.monthly .scroll');
    if (scroller) scroller.scrollLeft = scroller.scrollWidth;
  }

  protected override render(): TemplateResult {
    const m = this.#m;
    const task = this.#stats;
    const pending = task.status !== TaskStatus.COMPLETE && task.status !== TaskStatus.ERROR;
    return html`<div class="root" part="base" lang=${this.localize.locale}>
      ${this.heading(m.title, 0, 'header', 'header')}
      <div class="body" aria-busy=${pending ? 'true' : 'false'}>
        ${task.status === TaskStatus.ERROR
          ? this.renderFailure(task.error, this.#retry)
          : task.status === TaskStatus.COMPLETE && task.value
            ? this.#renderStats(task.value, m)
            : this.#renderGhost(m)}
      </div>
    </div>`;
  }

  /**
   * The loading state: the loaded layout (heading, period, the figure cards, a chart of the period's months)
   * with blank values, inert and hidden from assistive technology, so the data arriving moves nothing below
   * the widget. Its classes and parts are not the loaded ones (`.figures`, `part="figures"` mean data).
   */
  #renderGhost(m: StatsMessages): TemplateResult {
    const to = this.to?.trim() || vnToday();
    const from = this.from?.trim() || `${to.slice(0, 4)}-01-01`;
    const beside = this.unit?.trim() ? html`<span class="beside">\u00a0</span>` : nothing;
    const card = (key: Figure) => html`<div class="figure"><dt>${m[key]}</dt><dd><span class="value">\u00a0</span>${beside}</dd></div>`;
    return html`<div class="ghost" part="skeleton" aria-hidden="true" inert>
      <div class="h scope">\u00a0</div>
      <p class="muted">\u00a0</p>
      <dl class="grid">
        <div class="figure headline">
          <dt>${m.onTime}</dt>
          <dd><span class="value">\u00a0</span><span class="muted">\u00a0</span><span class="split">\u00a0</span>${beside}</dd>
        </div>
        ${card('received')} ${card('settled')} ${card('overdue')} ${card('inProgress')}
      </dl>
      ${renderMonthlyGhost(from, to, m, this.lang_)}
    </div>`;
  }

  #renderStats({ own, province }: StatsPair, m: StatsMessages): TemplateResult {
    const lang = this.lang_;
    const main = own ?? province;
    const n = (v: number) => formatNumber(v, lang);
    const rate = (s: StatsFigures) => (s.onTimeRate == null ? m.noRate : formatPercent(s.onTimeRate, lang));
    const beside = (text: string) =>
      own ? html`<span class="beside"><span lang="vi">${m.beside(province.scope.name)}</span> <strong>${text}</strong></span>` : nothing;
    const card = (key: Figure) => html`<div class="figure" part="figure">
      <dt>${m[key]}</dt>
      <dd><span class="value">${n(main[key])}</span> ${beside(n(province[key]))}</dd>
    </div>`;
    const nothingYet = !main.received && !main.settled && !main.overdue && !main.inProgress;
    return html`<div lang="vi">${this.heading(main.scope.name, 1, 'scope')}</div>
      <p class="muted" part="period">${m.period(formatDate(main.period.from, lang), formatDate(main.period.to, lang))}</p>
      ${nothingYet
        ? html`<p class="empty">${m.empty}</p>`
        : html`<dl class="figures" part="figures">
              <div class="figure headline" part="figure headline">
                <dt>${m.onTime}</dt>
                <dd>
                  <span class="value">${rate(main)}</span>
                  <span class="muted">${n(main.settledOnTime)} ${m.onTimeOf(n(main.settled))}</span>
                  ${main.settled
                    ? html`<span class="split" part="split"
                        >${settledParts(main).map(([k, v], i) => html`${i ? ' · ' : ''}${m[k]} <strong>${n(v)}</strong>`)}</span
                      >`
                    : nothing}
                  ${beside(rate(province))}
                </dd>
              </div>
              ${card('received')} ${card('settled')} ${card('overdue')} ${card('inProgress')}
            </dl>
            ${renderMonthly(main.monthly, main.scope.name, main.period.to, m, lang)}`}`;
  }
}
