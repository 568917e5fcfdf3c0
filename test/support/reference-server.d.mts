import type { InstanceOptions } from './reference-instance.js';

export interface StartedProcess<T> {
  info: T;
  pid: number;
  /** Resolves when the process has exited, with its exit code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export interface StartProcessOptions<T> {
  ready: (line: string) => T | undefined;
  env?: Record<string, string>;
  detached?: boolean;
  ipc?: boolean;
  quiet?: boolean;
  name?: string;
}

export interface ReferenceServer {
  url: string;
  startMs: number;
  pid: number;
  stop(): Promise<void>;
}

export declare const ROOT: string;
export declare const READY_PREFIX: string;
export declare function startProcess<T>(command: string, args: readonly string[], options: StartProcessOptions<T>): Promise<StartedProcess<T>>;
export declare function startLauncher<T = unknown>(
  file: string,
  args?: readonly string[],
  options?: { env?: Record<string, string> },
): Promise<StartedProcess<T>>;
export declare function startReferenceServer(options?: InstanceOptions & { production?: boolean }): Promise<ReferenceServer>;
export declare function freePort(): Promise<number>;
