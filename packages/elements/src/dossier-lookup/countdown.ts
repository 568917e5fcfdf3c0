import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Seconds left before a rate-limited lookup may be tried again, ticking once a second so the message and the
 * disabled retry button follow the clock; the host re-renders on each tick.
 */
export class Countdown implements ReactiveController {
  #until = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onDone: () => void,
  ) {
    host.addController(this);
  }

  /** Seconds still to wait (0 when none). */
  get left(): number {
    return Math.max(0, Math.ceil((this.#until - Date.now()) / 1000));
  }

  /** Start waiting `seconds`; replaces any earlier wait. */
  start(seconds: number): void {
    this.stop();
    this.#until = Date.now() + seconds * 1000;
    this.#timer = setInterval(() => {
      if (!this.left) {
        this.stop();
        this.onDone();
      }
      this.host.requestUpdate();
    }, 1000);
    this.host.requestUpdate();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
