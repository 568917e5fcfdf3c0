/**
 * Every story: the manifest for controls and docs, the API base URL (this origin, proxied to the reference
 * server), a language switch in the toolbar, and accessibility checks (axe) that fail the story tests.
 */
import { html } from 'lit';
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json' with { type: 'json' };

setCustomElementsManifest(manifest);

interface ManifestMember {
  name: string;
  static?: boolean;
  readonly?: boolean;
}
/** Members a story cannot set (static, read-only): documented in the table, without a control. */
const notSettable = [
  ...new Set(
    (manifest.modules as { declarations?: { members?: ManifestMember[] }[] }[]).flatMap((mod) =>
      (mod.declarations ?? []).flatMap((d) => (d.members ?? []).filter((m) => m.static || m.readonly).map((m) => m.name)),
    ),
  ),
];

/** Where the widgets find the API: STORYBOOK_MOTCUA_API when a static build was given one, else this origin. */
const env = (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env;
(window as Window & { motcua?: { api?: string } }).motcua = { api: env?.STORYBOOK_MOTCUA_API || window.location.origin };

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    lang: {
      description: 'Ngôn ngữ của tiện ích / widget language',
      toolbar: {
        title: 'Ngôn ngữ',
        icon: 'globe',
        items: [
          { value: 'vi', title: 'Tiếng Việt' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'vi' },
  decorators: [(story, { globals }) => html`<div lang=${globals.lang ?? 'vi'}>${story()}</div>`],
  parameters: {
    layout: 'padded',
    controls: { expanded: true, exclude: notSettable },
    a11y: { test: 'error' },
    docs: { toc: true },
  },
};

export default preview;
