/**
 * A widget's English messages, fetched the first time a widget renders in English: a Vietnamese page never
 * downloads them (the same idea as the shared catalogue's `loadEnglish`, per widget).
 */
export interface LazyMessages<T> {
  /** The catalogue once loaded, else undefined. */
  readonly value: T | undefined;
  /** Load once; a failed load resolves (the widget stays Vietnamese) and is retried on the next call. */
  load(): Promise<void>;
}

/** Wrap a dynamic `import()` of a catalogue. */
export function lazyMessages<T>(importer: () => Promise<T>): LazyMessages<T> {
  let value: T | undefined;
  let loading: Promise<void> | undefined;
  return {
    get value() {
      return value;
    },
    load() {
      loading ??= importer().then(
        (v) => void (value = v),
        () => void (loading = undefined),
      );
      return loading;
    },
  };
}
