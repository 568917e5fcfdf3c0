/**
 * Typed events. Each component declares its events by augmenting `GlobalEventHandlersEventMap`, e.g.
 * `'motcua-result': CustomEvent<{ dossier: DossierView }>`, which also types `addEventListener` for users.
 * {@link EmitArgs} then requires a `detail` argument exactly when the declared event carries one.
 */

import type { ErrorKind } from './error-kind.js';

/** Detail of `motcua-error`: what kind of failure, and the code (dossier, procedure…) concerned, if any. */
export interface MotcuaErrorDetail {
  kind: ErrorKind;
  code: string | null;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** A widget failed to load or submit something; the message shown to the citizen is already translated. */
    'motcua-error': CustomEvent<MotcuaErrorDetail>;
  }
}

/** Names of the events the motcua widgets emit. */
export type MotcuaEventName = Extract<keyof GlobalEventHandlersEventMap, `motcua-${string}`>;

/** The `detail` type of event `K` (`undefined` for an event without detail). */
export type MotcuaEventDetail<K extends MotcuaEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : undefined;

/** Options for emitting: all motcua events bubble and cross shadow roots; some may be cancelled. */
export interface EmitOptions {
  cancelable?: boolean;
}

/** `[detail, options?]` when the event has a detail; `[detail?: undefined, options?]` when it has none. */
export type EmitArgs<K extends MotcuaEventName> = [MotcuaEventDetail<K>] extends [undefined | void]
  ? [detail?: undefined, options?: EmitOptions]
  : [detail: MotcuaEventDetail<K>, options?: EmitOptions];
