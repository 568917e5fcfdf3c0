/**
 * `<motcua-rating>`: the national 3-level satisfaction scale, standalone (it sends the rating itself) or as a
 * form control, with the office's summary; its loading, empty and error states, against the reference server.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@motcua/elements/rating';
import { DEMO_DOSSIERS, DOWN_API, SLOW_API, inside, part, partShows, renderTag, shows, widget, type WidgetArgs } from './support/widgets.js';

const TAG = 'motcua-rating';
const OFFICE = 'ubnd-xa-cong-son';

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Đánh giá hài lòng (rating)',
  component: TAG,
  render: renderTag(TAG),
  args: { office: OFFICE, 'heading-level': 2 },
  parameters: {
    docs: {
      description: {
        component:
          'Rate an office (`office="…"`) or a dossier (`dossier="…"`). Standalone it sends the rating with an Idempotency-Key and keeps it on the device when offline; inside a `<form>` it is a form control (`name`, `required`).',
      },
    },
  },
};
export default meta;
type Story = StoryObj<WidgetArgs>;

/** The office's ratings so far, above the form. */
export const OfficeWithSummary: Story = {
  args: { summary: true },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await partShows(el, 'summary', /lượt đánh giá/);
  },
};

/** A citizen picks "Rất hài lòng" and sends: the server stores it and the widget thanks them. */
export const Submit: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const submitted = new Promise<CustomEvent>((resolve) => el.addEventListener('motcua-rating-submitted', (e) => resolve(e as CustomEvent), { once: true }));
    await userEvent.click(inside(el).getByRole('radio', { name: 'Rất hài lòng' }));
    await userEvent.click(inside(el).getByRole('button', { name: 'Gửi đánh giá' }));
    await shows(el, 'Cảm ơn bạn đã đánh giá');
    const { detail } = await submitted;
    await expect(detail.receipt.level).toBe('very_satisfied');
  },
};

/** "Không hài lòng" makes the comment required: sending without one explains why it is needed. */
export const DissatisfiedNeedsAComment: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await userEvent.click(inside(el).getByRole('radio', { name: 'Không hài lòng' }));
    await userEvent.click(inside(el).getByRole('button', { name: 'Gửi đánh giá' }));
    await shows(el, 'Vui lòng cho biết vì sao bạn không hài lòng');
    await expect(await part(el, 'comment')).toHaveAttribute('aria-invalid', 'true');
  },
};

export const Detailed: Story = {
  name: 'Detailed (9 indicators)',
  args: { detailed: true },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const indicators = await part(el, 'indicators');
    await expect(indicators).toHaveTextContent('Tổng thời gian giải quyết thủ tục hành chính so với thời gian quy định');
  },
};

export const ForADossier: Story = {
  args: { office: undefined, dossier: DEMO_DOSSIERS[9] },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(el, `Bạn hài lòng thế nào với việc giải quyết hồ sơ ${DEMO_DOSSIERS[9]}?`);
  },
};

/** In a host page's form: `required` blocks submission until a level is chosen; the level is form data. */
export const InsideAForm: Story = {
  render: () => html`<form id="feedback">
    <motcua-rating name="danh_gia" required office=${OFFICE}></motcua-rating>
    <button type="submit">Gửi</button>
  </form>`,
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const form = canvasElement.querySelector('form')!;
    await expect(form.checkValidity()).toBe(false);
    await userEvent.click(inside(el).getByRole('radio', { name: /^Hài lòng$/ }));
    await expect(form.checkValidity()).toBe(true);
    await expect(new FormData(form).get('danh_gia')).toBe('satisfied');
  },
};

export const Loading: Story = {
  args: { api: SLOW_API, summary: true },
  parameters: { docs: { description: { story: 'The API answers 2.5 s late: the summary is a skeleton, then the figures.' } } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await part(el, 'skeleton');
    await partShows(el, 'summary', /lượt đánh giá/);
  },
};

/** An office nobody has rated yet (found through the API when the story loads). */
export const EmptySummary: Story = {
  args: { summary: true },
  loaders: [
    async () => {
      const { items } = (await (await fetch('/v1/offices')).json()) as { items: { id: string }[] };
      for (const { id } of items) {
        const summary = (await (await fetch(`/v1/ratings/summary?office=${id}`)).json()) as { total: number };
        if (summary.total === 0) return { office: id };
      }
      throw new Error('Every office of the demo data has ratings: no empty summary to show.');
    },
  ],
  render: (args, { loaded }) => renderTag(TAG)({ ...args, office: (loaded as { office: string }).office }),
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="summary"]')).toHaveTextContent('Chưa có lượt đánh giá nào.'), { timeout: 15_000 });
  },
};

/** The API is down when the citizen sends: the rating is kept on the device, to be sent when it is back. */
export const ServerDown: Story = {
  name: 'Error: the API is down (kept on the device)',
  args: { api: DOWN_API, summary: true },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const queued = new Promise<Event>((resolve) => el.addEventListener('motcua-rating-queued', resolve, { once: true }));
    await userEvent.click(inside(el).getByRole('radio', { name: /^Hài lòng$/ }));
    await userEvent.click(inside(el).getByRole('button', { name: 'Gửi đánh giá' }));
    await partShows(el, 'message', 'Chưa gửi được vì hệ thống đang gặp sự cố. Đánh giá đã được lưu trên thiết bị này');
    await queued;
  },
};
