/** A value carried in a query parameter of the page URL (a deep link a portal can share). */

/** The trimmed value of parameter `name` in the URL of `doc`, or null when absent or empty. */
export function readUrlParam(doc: Document, name: string): string | null {
  try {
    return new URL(doc.location.href).searchParams.get(name)?.trim() || null;
  } catch {
    return null;
  }
}

/** The URL of `doc` with parameter `name` set to `value` (removed for null). */
export function urlWithParam(doc: Document, name: string, value: string | null): URL {
  const url = new URL(doc.location.href);
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
  return url;
}

/** Set parameter `name` to `value` (remove it for null) as a new history entry, when that changes the URL. */
export function writeUrlParam(doc: Document, name: string, value: string | null): void {
  const url = urlWithParam(doc, name, value);
  if (url.href !== doc.location.href) doc.defaultView?.history.pushState(doc.defaultView.history.state, '', url);
}
