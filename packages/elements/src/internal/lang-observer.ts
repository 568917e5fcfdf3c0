/**
 * One MutationObserver for the whole page that tells connected widgets when any `lang` attribute changes,
 * so `<html lang="en">` switched by a portal's language menu re-renders every widget.
 */
type Listener = () => void;

const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;

/** Call `listener` whenever a `lang` attribute changes anywhere in the document; returns the unsubscribe. */
export function observeLang(doc: Document, listener: Listener): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((l) => l()));
    observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
