/**
 * The autoloader: one small script for the page that registers each motcua element the first time its tag
 * appears, in the HTML or added later (a CMS block, a single-page app, a dialog), and downloads nothing for
 * the widgets that are not there.
 *
 * @example <script type="module" src="https://cdn.example.gov.vn/motcua/motcua-autoloader.js"></script>
 *
 * Loading it twice (two snippets, two copies of the library) starts one observer only. Elements inside shadow
 * roots are invisible to a document observer: call {@link discover} on such a root after rendering it.
 */

/** The element modules, by tag. Each `import()` becomes its own file in a build, fetched on first use. */
const LOADERS = {
  'motcua-dossier-lookup': () => import('./dossier-lookup/define.js'),
  'motcua-rating': () => import('./rating/define.js'),
  'motcua-procedure-finder': () => import('./procedure-finder/define.js'),
  'motcua-counter-directory': () => import('./counter-directory/define.js'),
  'motcua-stats': () => import('./stats/define.js'),
} satisfies Record<string, () => Promise<unknown>>;

/** A tag the autoloader knows how to load. */
export type AutoloadedTag = keyof typeof LOADERS;

/** Every tag the autoloader watches for. */
export const AUTOLOADED_TAGS = Object.keys(LOADERS) as AutoloadedTag[];

const isAutoloaded = (tag: string): tag is AutoloadedTag => Object.hasOwn(LOADERS, tag);

/** Page-wide state shared by every copy of the autoloader, so a second copy neither observes nor loads again. */
interface AutoloaderState {
  observer: MutationObserver | null;
  pending: Map<string, Promise<void>>;
}

const STATE_KEY = Symbol.for('motcua.autoloader');
type StateHolder = { [STATE_KEY]?: AutoloaderState };

function state(): AutoloaderState {
  const holder = globalThis as StateHolder;
  return (holder[STATE_KEY] ??= { observer: null, pending: new Map() });
}

/** Import the module of `tag` once; a failed download is forgotten so that a later appearance tries again. */
function load(tag: AutoloadedTag): Promise<void> {
  if (globalThis.customElements?.get(tag)) return Promise.resolve();
  const { pending } = state();
  let loading = pending.get(tag);
  if (!loading) {
    loading = LOADERS[tag]().then(
      () => undefined,
      (error: unknown) => {
        pending.delete(tag);
        console.error(`[motcua] could not load <${tag}>; it will be tried again when one is added to the page.`, error);
      },
    );
    pending.set(tag, loading);
  }
  return loading;
}

/**
 * Load the modules of the motcua elements in `root` (itself included, when it is an element) that are not
 * defined yet. Resolves when they are registered (a module that failed to download is logged, not thrown).
 */
export async function discover(root: Document | DocumentFragment | Element = document): Promise<void> {
  const tags = new Set<AutoloadedTag>();
  if (root instanceof Element && isAutoloaded(root.localName)) tags.add(root.localName);
  for (const el of root.querySelectorAll(':not(:defined)')) {
    if (isAutoloaded(el.localName)) tags.add(el.localName);
  }
  await Promise.all([...tags].map(load));
}

/** Watch the document for motcua tags, now and later. Idempotent across calls and across copies. */
function start(doc: Document): void {
  const shared = state();
  if (shared.observer) return;
  shared.observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) void discover(node);
      }
    }
  });
  shared.observer.observe(doc.documentElement, { childList: true, subtree: true });
  void discover(doc);
}

if (typeof document !== 'undefined') start(document);
