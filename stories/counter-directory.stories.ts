/**
 * `<motcua-counter-directory>`: the province's one-stop offices, searchable by today's and pre-2025 names,
 * open or closed at a given time; empty, loading and error states, against the reference server.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import '@motcua/elements/counter-directory';
import { DOWN_API, SLOW_API, inside, part, partShows, renderTag, settled, shows, widget, type WidgetArgs } from './support/widgets.js';

const TAG = 'motcua-counter-directory';
const SEARCH = /Tìm theo tên cơ quan/;

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Địa điểm một cửa (counter directory)',
  component: TAG,
  render: renderTag(TAG),
  args: { unit: '06220', 'heading-level': 2 },
  parameters: {
    docs: {
      description: {
        component: 'Every one-stop office, the site’s own first (`unit`), whether it is open now (Vietnam time), hours, contacts and map link.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<WidgetArgs>;

/** Every office the API lists, the commune's own first. */
export const AllOffices: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const { items } = (await (await fetch('/v1/offices')).json()) as { items: { name: string }[] };
    await shows(el, `${items.length} cơ quan`);
    await partShows(el, 'office', 'xã Công Sơn');
  },
};

/** "Hòa Cư" was merged into Công Sơn in 2025: the directory still finds where its people go now. */
export const FormerCommuneName: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await userEvent.type(inside(el).getByLabelText(SEARCH), 'Hoa Cu');
    await shows(el, 'Nay phục vụ người dân Xã Hòa Cư cũ');
    await settled(el);
  },
};

export const NoMatch: Story = {
  name: 'Empty: nothing matches',
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await userEvent.type(inside(el).getByLabelText(SEARCH), 'xyzqw không có nơi này');
    await shows(el, 'Không tìm thấy cơ quan phù hợp');
    await settled(el);
  },
};

/** `now` fixes the clock: a Tuesday at 09:00, the provincial centre is open. */
export const OpenOnATuesdayMorning: Story = {
  args: { unit: '20', now: '2026-11-24T09:00:00+07:00' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await partShows(el, 'state', 'Đang mở cửa');
  },
};

/** A Sunday: closed. */
export const ClosedOnSunday: Story = {
  args: { unit: '20', now: '2026-11-29T09:00:00+07:00' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const state = await part(el, 'state');
    await expect(state).not.toHaveTextContent('Đang mở cửa');
  },
};

export const Loading: Story = {
  args: { api: SLOW_API },
  parameters: { docs: { description: { story: 'The API answers 2.5 s late: a skeleton, then the offices.' } } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await part(el, 'skeleton');
    await part(el, 'office');
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
