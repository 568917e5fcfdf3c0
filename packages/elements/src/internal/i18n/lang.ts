/** On-demand English catalogue: widgets wait for it before rendering in English (see `MotcuaElement`). */
type English = typeof import('./en.js');

let loaded: English | undefined;
let loading: Promise<English | undefined> | undefined;

/** The English catalogue if it has been loaded. */
export function english(): English | undefined {
  return loaded;
}

/** Load the English catalogue once; resolves to undefined if it cannot be fetched (the widget stays Vietnamese). */
export function loadEnglish(): Promise<English | undefined> {
  loading ??= import('./en.js').then(
    (module) => (loaded = module),
    () => {
      loading = undefined;
      return undefined;
    },
  );
  return loading;
}
