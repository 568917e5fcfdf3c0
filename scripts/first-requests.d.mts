/** Attributes of a widget element that decide its first requests. */
export type WidgetAttributes = Partial<Record<'unit' | 'office' | 'summary' | 'from' | 'to', string>>;
export const FIRST_REQUESTS: Record<string, (attributes: WidgetAttributes) => string[]>;
export function preloadLinks(tag: string, attributes: WidgetAttributes, api: string): string[];
