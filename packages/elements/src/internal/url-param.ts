/** A value carried in a query parameter of the page URL (a deep link a portal can share). */

/** The trimmed value of parameter `name` in the URL of `doc`, or null when absent or empty. */
export function readUrlParam(doc: Document, name: string): string | null {
  try {
    return new URL(doc.location.href).searchParams.get(name)?.trim() || null;
  } catch {
    return null;
  }
}

/** Set parameter `name` to `value` (remove it for null) as a new history entry, when that changes the URL. */
export function writeUrlParam(doc: Document, name: string, value: string | null): void {
  const { location, defaultView } = doc;
  const url = new URL(location.href);
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
  if (url.href !== location.href) defaultView?.history.pushState(defaultView.history.state, '', url);
}
