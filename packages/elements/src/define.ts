import { VERSION } from './version.js';

/** A custom element class that may carry the library version it was built from. */
export type VersionedElement = CustomElementConstructor & { readonly version?: string };

/**
 * Register `tag` for `ctor`, idempotently. A page may load the library twice (two widgets pasted from two
 * snippets, or two bundles of different versions): the first registration wins and a second call never throws.
 * When the tag is already taken by a class of another version, a warning says which one is in use.
 *
 * @returns the class actually registered for `tag`.
 */
export function defineElement(tag: string, ctor: VersionedElement): CustomElementConstructor {
  const registry = globalThis.customElements;
  if (!registry) return ctor; // Server-side or a very old browser: nothing to register into.
  const existing = registry.get(tag) as VersionedElement | undefined;
  if (!existing) {
    registry.define(tag, ctor);
    return ctor;
  }
  if (existing !== ctor && existing.version !== VERSION) {
    console.warn(
      `[motcua] <${tag}> is already defined by @motcua/elements ${existing.version ?? '(unknown version)'}; ` +
        `this copy (${VERSION}) was not registered. Load the library once to avoid surprises.`,
    );
  }
  return existing;
}
