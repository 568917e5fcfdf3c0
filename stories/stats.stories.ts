/**
 * `<motcua-stats>`: a commune's (or the province's) processing figures month by month, with the province
 * beside; empty period, loading and error states, against the reference server's year of demo dossiers.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import '@motcua/elements/stats';
import { DOWN_API, SLOW_API, inside, part, partShows, renderTag, shows, widget, type WidgetArgs } from './support/widgets.js';

const TAG = 'motcua-stats';
const vi = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Thống kê (stats)',
  component: TAG,
  render: renderTag(TAG),
  args: { unit: '06220', 'heading-level': 2 },
};
export default meta;
type Story = StoryObj<WidgetArgs>;

/** A commune's figures over the last 12 months: the same numbers as the API's. */
export const Commune: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const stats = (await (await fetch('/v1/stats?unit=06220')).json()) as { received: number; settled: number };
    const figures = await part(el, 'figures');
    await expect(figures).toHaveTextContent(vi(stats.received));
    await expect(figures).toHaveTextContent(vi(stats.settled));
    await expect(await part(el, 'chart')).toBeVisible();
  },
};

export const Province: Story = {
  args: { unit: undefined },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(el, 'Tỉnh Lạng Sơn');
    await part(el, 'figures');
  },
};

export const HalfAYear: Story = {
  name: 'A chosen period (from, to)',
  args: { from: '2026-01-01', to: '2026-06-30' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await partShows(el, 'period', 'Từ ngày 01/01/2026 đến ngày 30/06/2026');
  },
};

export const EmptyPeriod: Story = {
  name: 'Empty: no dossier in the period',
  args: { from: '2020-01-01', to: '2020-12-31' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(el, 'Chưa có hồ sơ nào trong khoảng thời gian này.');
  },
};

export const Loading: Story = {
  args: { api: SLOW_API },
  parameters: { docs: { description: { story: 'The API answers 2.5 s late: a skeleton, then the figures.' } } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await part(el, 'skeleton');
    await part(el, 'figures');
  },
};

export const ServerDown: Story = {
  name: 'Error: the API is down',
  args: { api: DOWN_API },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await part(el, 'error');
    await expect(inside(el).getByRole('button', { name: 'Thử lại' })).toBeVisible();
  },
};

export const English: Story = {
  globals: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await part(el, 'figures');
    await expect(el.shadowRoot!.textContent).not.toContain('Hồ sơ tiếp nhận');
  },
};
