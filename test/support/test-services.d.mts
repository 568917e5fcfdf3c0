export class ServiceUnavailable extends Error {}

export interface TestService {
  url: string;
  /** The port of a server started here (absent for one given by the environment). */
  port?: number;
  /** The process of a server started here (absent for one given by the environment). */
  pid?: number;
  stop(): Promise<void>;
}

/** `dataDir`: a cluster kept in that folder (durable settings), for benchmarks. */
export function startPostgres(options?: { dataDir?: string }): Promise<TestService>;
export function startRedis(options?: { own?: boolean; port?: number }): Promise<TestService>;
export function runWithServices(command: string, args: string[]): Promise<number>;
