/**
 * `<motcua-dossier-lookup>`: every state a citizen can meet, against the reference server's demo dossiers
 * (one per national status), plus the loading, not-found, bad-format and server-down states.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { statusLabel, type DossierStatus } from '@motcua/sdk';
import '@motcua/elements/dossier-lookup';
import { DEMO_DOSSIERS, DOWN_API, LIMITED_API, SLOW_API, inside, part, partShows, renderTag, shows, textOf, widget, type WidgetArgs } from './support/widgets.js';

const TAG = 'motcua-dossier-lookup';

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Tra cứu hồ sơ (dossier lookup)',
  component: TAG,
  render: renderTag(TAG),
  args: { 'heading-level': 2 },
  parameters: {
    docs: {
      description: {
        component:
          'Paste `<script type="module" src="…/motcua-dossier-lookup.js"></script>` and the tag. The citizen types, pastes or scans the code on their receipt. Demo codes: `000.00.20.H37-261005-0001` (returned), one per status below.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<WidgetArgs>;

/** A story that opens demo dossier `status` by deep link and checks the status shown. */
const statusStory = (status: DossierStatus): Story => ({
  name: `${status} · ${statusLabel(status)}`,
  args: { code: DEMO_DOSSIERS[status] },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const badge = await part(el, 'status');
    await expect(badge).toHaveTextContent(statusLabel(status));
    await expect(await part(el, 'history')).toBeVisible();
  },
});

/** Nothing typed yet: the form, its hint, no result. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const input = inside(el).getByLabelText('Mã hồ sơ');
    await expect(input).toHaveValue('');
    await expect(el.shadowRoot!.querySelector('[part~="status"]')).toBeNull();
  },
};

/** A citizen types the code the way people do (lowercase, spaces) and presses Enter. */
export const TypedByACitizen: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await userEvent.type(inside(el).getByLabelText('Mã hồ sơ'), ' 000.00.20.h37 - 261005 - 0001 {enter}');
    await partShows(el, 'status', statusLabel(10));
  },
};

export const Loading: Story = {
  args: { api: SLOW_API, code: DEMO_DOSSIERS[10] },
  parameters: { docs: { description: { story: 'A slow network (the API answers 2.5 s late): a skeleton and `aria-busy` on the result area, then the dossier.' } } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await part(el, 'skeleton');
    await expect(await part(el, 'result')).toHaveAttribute('aria-busy', 'true');
    await partShows(el, 'status', statusLabel(10));
    await expect(await part(el, 'result')).toHaveAttribute('aria-busy', 'false');
  },
};

export const Status1Submitted = statusStory(1);
export const Status2Accepted = statusStory(2);
export const Status3NotAccepted = statusStory(3);
export const Status4InProgress = statusStory(4);
export const Status5DocumentsRequested = statusStory(5);
export const Status6FeesRequested = statusStory(6);
export const Status7Withdrawn = statusStory(7);
export const Status8Stopped = statusStory(8);
export const Status9Processed = statusStory(9);
export const Status10Returned = statusStory(10);

export const NotFound: Story = {
  args: { code: '000.00.20.H37-261127-9999' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(el, 'Không tìm thấy hồ sơ có mã này');
    await expect(el.shadowRoot!.querySelector('[part~="status"]')).toBeNull();
  },
};

export const BadFormat: Story = {
  name: 'Bad format (impossible date)',
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const input = inside(el).getByLabelText('Mã hồ sơ');
    await userEvent.type(input, '000.00.20.H37-261399-0001');
    await userEvent.tab();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect((await part(el, 'feedback')).textContent?.trim()).not.toBe('');
  },
};

export const ServerDown: Story = {
  name: 'Error: the API is down',
  args: { api: DOWN_API, code: DEMO_DOSSIERS[10] },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await part(el, 'error');
    await expect(inside(el).getByRole('button', { name: 'Thử lại' })).toBeVisible();
  },
};

/** Waiting for the citizen (5): what to do, in plain words, instead of a deadline that runs. */
export const WhatToDoNext: Story = {
  name: 'Next step (5 · documents requested)',
  args: { code: DEMO_DOSSIERS[5] },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await partShows(el, 'next-step', 'Bạn cần bổ sung giấy tờ');
    await expect(textOf(el)).not.toMatch('Quá hạn');
  },
};

/** In progress with an appointment: add it to a calendar (an .ics made in the browser), share or copy a link. */
export const AppointmentAndShare: Story = {
  name: 'Appointment: calendar and share',
  args: { code: DEMO_DOSSIERS[4], 'url-param': 'ma-ho-so' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const calendar = await part(el, 'calendar');
    await expect(calendar).toHaveTextContent('Thêm ngày hẹn vào lịch');
    await expect(calendar.getAttribute('href')).toMatch(/^data:text\/calendar/);
    await expect(calendar).toHaveAttribute('download', `ho-so-${DEMO_DOSSIERS[4]}.ics`);
    await expect(await part(el, 'share')).toBeVisible();
  },
};

/** Too many lookups from this client (429): the wait counts down, and retry stays disabled until it ends. */
export const RateLimited: Story = {
  name: 'Error: too many lookups (countdown)',
  args: { api: LIMITED_API, code: DEMO_DOSSIERS[10] },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    const error = await partShows(el, 'error', /thử lại sau \d+ giây/);
    const seconds = () => Number(/sau (\d+) giây/.exec(error.textContent ?? '')?.[1]);
    const first = seconds();
    await expect(await part(el, 'retry')).toBeDisabled();
    await waitFor(() => expect(seconds()).toBeLessThan(first), { timeout: 3000 });
  },
};

export const English: Story = {
  globals: { lang: 'en' },
  args: { code: DEMO_DOSSIERS[5] },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, TAG);
    await shows(el, 'Track a dossier');
    await partShows(el, 'status', statusLabel(5, 'en'));
  },
};
