/**
 * The API requests each widget sends as soon as it connects, from its attributes: what a page can name in
 * `<link rel="preload" as="fetch" crossorigin="anonymous">` so the data travels beside the scripts instead of
 * after them. A preload is used only when the widget's request is the same: same URL (query order included),
 * CORS mode, credentials `same-origin`, which is what `crossorigin="anonymous"` gives. The widgets' GETs carry
 * only a CORS-safelisted `Accept` header, so Chromium hands the preloaded response over (checked by
 * test/e2e/portal.test.ts, which also checks this table against what the widgets really request).
 * Deep links (`code`, `url-param`) and searches are not here: only the page's server knows them.
 */

/** `path?query` as the SDK writes it: parameters in the contract's order, empty ones left out, URLSearchParams encoding. */
function url(path, params) {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '')).toString();
  return search ? `${path}?${search}` : path;
}

/** The level a site's `unit` preselects in the finder: a commune code (5 digits), a province code (2). */
const siteLevel = (unit) => (/^[0-9]{5}$/.test(unit ?? '') ? 'commune' : /^[0-9]{2}$/.test(unit ?? '') ? 'province' : undefined);

/** Tag → (attributes → paths under the API base, e.g. `/v1/stats?unit=06220`). */
export const FIRST_REQUESTS = {
  // The site's unit preselects its level, and the field list follows the level.
  'motcua-procedure-finder': ({ unit }) => [url('/v1/fields', { level: siteLevel(unit) })],
  'motcua-dossier-lookup': () => ['/v1/meta'],
  'motcua-rating': ({ office, unit, summary }) =>
    summary === undefined || !(office || unit) ? [] : [url('/v1/ratings/summary', office ? { office } : { unit })],
  'motcua-counter-directory': () => ['/v1/office-summaries'],
  'motcua-stats': ({ unit, from, to }) => [...(unit ? [url('/v1/stats', { unit, from, to })] : []), url('/v1/stats', { from, to })],
};

/** The `<link>` tags for a widget's first requests against the API at `api` (its base URL, no `/v1`). */
export function preloadLinks(tag, attributes, api) {
  const base = api.replace(/\/+$/, '');
  return (FIRST_REQUESTS[tag]?.(attributes) ?? []).map(
    (path) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="${base}${path}">`,
  );
}
