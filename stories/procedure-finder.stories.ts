/**
 * `<motcua-procedure-finder>`: search the national catalogue as you type (accents optional), filter, open a
 * procedure; empty, not-found, loading and error states, against the reference server's real catalogue.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '@motcua/elements/procedure-finder';
import { DOWN_API, SLOW_API, inside, part, partShows, renderTag, settled, shows, widget, type WidgetArgs } from './support/widgets.js';

const TAG = 'motcua-procedure-finder';

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Thủ tục hành chính (procedure finder)',
  component: TAG,
  render: renderTag(TAG),
  args: { unit: '06220', 'heading-level': 2 },
  parameters: {
    docs: {
      description: {
        component:
          'A commune site sets `unit` (its 5-digit code) to see commune-level procedures first; `code` opens one procedure (deep link); `url-param` keeps the open procedure in the page URL.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<WidgetArgs>;

/** The form before anything is typed. */
export const Start: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await expect(inside(el).getByLabelText('Tên hoặc mã thủ tục')).toHaveValue('');
  },
};

/** Typed without diacritics, as on many phones: "dang ky khai sinh" finds "Thủ tục đăng ký khai sinh". */
export const Search: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await userEvent.type(inside(el).getByLabelText('Tên hoặc mã thủ tục'), 'dang ky khai sinh');
    const item = await waitFor(() => inside(el).getAllByRole('button', { name: /Thủ tục đăng ký khai sinh/ })[0]!, { timeout: 15_000 });
    await expect(item).toBeVisible();
    await shows(el, /Tìm thấy \d+ thủ tục/);
    await settled(el);
  },
};

export const NoResults: Story = {
  name: 'Empty: nothing matches',
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await userEvent.type(inside(el).getByLabelText('Tên hoặc mã thủ tục'), 'xyzqwvk');
    await shows(el, 'Không tìm thấy thủ tục phù hợp');
    await settled(el);
  },
};

/** `code="1.001193"`: the procedure opens at once, with how to apply. */
export const DeepLink: Story = {
  args: { code: '1.001193' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await partShows(el, 'detail', 'Thủ tục đăng ký khai sinh');
    await expect(inside(el).getByRole('button', { name: 'Quay lại danh sách' })).toBeVisible();
  },
};

/** What to bring for a birth registration: a checklist to tick (originals and copies, required or not) and print. */
export const WhatToBring: Story = {
  name: 'What to bring (checklist)',
  args: { code: '1.001193' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await partShows(el, 'detail', 'Thủ tục đăng ký khai sinh');
    const section = el.shadowRoot!.querySelector<HTMLDetailsElement>('details.to-bring')!;
    await expect(section).not.toBeNull();
    await userEvent.click(section.querySelector('summary')!);
    await expect(section.open).toBe(true);
    const boxes = within(section).getAllByRole('checkbox');
    await expect(boxes.length).toBeGreaterThan(1);
    await expect(section.textContent).not.toMatch(/Bản chính: 0 · Bản sao: 0/);
    await userEvent.click(boxes[0]!);
    await expect(boxes[0]).toBeChecked();
    await expect(within(section).getByRole('button', { name: 'In danh sách giấy tờ' })).toBeVisible();
  },
};

export const UnknownCode: Story = {
  args: { code: '9.999999' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(el, 'Không tìm thấy thủ tục có mã này.');
  },
};

export const ProvinceSite: Story = {
  name: 'Province site (unit="20")',
  args: { unit: '20' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await userEvent.type(inside(el).getByLabelText('Tên hoặc mã thủ tục'), 'đất đai');
    await part(el, 'item');
    await settled(el);
  },
};

export const Loading: Story = {
  args: { api: SLOW_API, code: '1.001193' },
  parameters: { docs: { description: { story: 'The API answers 2.5 s late: a skeleton, then the procedure.' } } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await part(el, 'skeleton');
    await partShows(el, 'detail', 'Thủ tục đăng ký khai sinh');
  },
};

export const ServerDown: Story = {
  name: 'Error: the API is down',
  args: { api: DOWN_API },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await userEvent.type(inside(el).getByLabelText('Tên hoặc mã thủ tục'), 'khai sinh');
    await part(el, 'error');
    await expect(inside(el).getByRole('button', { name: 'Thử lại' })).toBeVisible();
  },
};

export const English: Story = {
  globals: { lang: 'en' },
  args: { code: '1.001193' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await part(el, 'detail');
    await shows(el, /procedure/i);
  },
};
