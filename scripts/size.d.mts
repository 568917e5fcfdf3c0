/** The CDN build's JavaScript files, `fileName` (relative, e.g. `chunks/lit-abc.js`) → code. */
export function cdnFiles(options?: { fromDist?: boolean }): Promise<Map<string, Buffer>>;
/** `entries` and every file they import statically, transitively. */
export function staticClosure(files: Map<string, Buffer>, entries: readonly string[]): string[];
