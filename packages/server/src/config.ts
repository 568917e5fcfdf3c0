/**
 * Server configuration: defaults, environment variables and command-line flags. `createServer()` takes
 * {@link ServerOptions} directly (tests, embedding); the CLI builds them with {@link loadConfig}.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseRows, type InputRow } from './catalogue/table-input.js';
import { hashApiKey } from './db/api-keys.js';
import { isPostgresUrl, withoutPassword } from './db/postgres/pool.js';
import type { ChallengeSettings } from './http/challenge.js';
import { ProvinceError, requestedProvince } from './province-choice.js';
import { redactedRedisUrl } from './shared-state/redis.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
/** `pretty`: a short line a request, for a terminal; `json`: one object a line, for log collectors. */
export type LogFormat = 'pretty' | 'json';

/** At most `max` requests per client per `windowMs`. */
export interface RateLimitRule {
  max: number;
  windowMs: number;
}

export interface RateLimits {
  /** Every route (generous: pages load several catalogue resources at once). */
  global: RateLimitRule;
  /** Dossier lookups: codes are guessable, so this one is tight. */
  dossierLookup: RateLimitRule;
  /** Rating submissions. */
  ratings: RateLimitRule;
  /** Ingest calls per authenticated client (a back office syncing in bulk). */
  ingest: RateLimitRule;
}

export interface ServerOptions {
  /** Listen address (CLI only). Default `127.0.0.1`. */
  host?: string;
  /** Listen port (CLI only). Default 8080. */
  port?: number;
  /**
   * SQLite file, created with its folder on first run, or `:memory:`; or a PostgreSQL database,
   * `postgres://user:password@host:port/name` (created on first run when the role may). Default `./var/motcua.db`.
   */
  dbPath?: string;
  /**
   * Redis shared by several instances (`redis://[:password@]host:port[/db]`, `rediss://` for TLS): rate-limit
   * counters, the lookup challenge's misses and used solutions, catalogue change notices. Default: none,
   * everything in this process.
   */
  redisUrl?: string;
  /** Prefix of this deployment's Redis keys and channels. Default `motcua:<province>:`. */
  redisKeyPrefix?: string;
  /**
   * Province served, by its 2-digit code after the 2025 reform (`20` Lạng Sơn, `38` Thanh Hóa, `01` Hà Nội…).
   * Seeds an empty database; a database seeded for another province is refused. Default: the database's
   * province, else `20`.
   */
  province?: string;
  /** The province's own list over the catalogue (rows of `motcua-import --procedure-list`), used on first start. */
  procedureList?: InputRow[];
  /** Origins allowed by CORS: `'*'` (default) or a list of origins. */
  allowedOrigins?: '*' | string[];
  rateLimits?: Partial<RateLimits>;
  /** Ingest API keys in clear (hashed at once, never stored or logged in clear). */
  ingestKeys?: string[];
  /** Ingest API keys as hex SHA-256 hashes. */
  ingestKeyHashes?: string[];
  /** Admin API keys (offices, calendar) in clear, hashed at once. */
  adminKeys?: string[];
  /** Admin API keys as hex SHA-256 hashes. */
  adminKeyHashes?: string[];
  /** Whether a dossier lookup needs the last 4 digits of the applicant's phone or ID number. Default `off`. */
  verification?: 'off' | 'required';
  /** Secret for the keyed hashes of verification factors; default: a random one kept in the database. */
  verificationSecret?: string;
  /**
   * Proof-of-work after repeated missed lookups from one client (`http/challenge.ts` has the defaults: 5 misses
   * in 10 minutes, challenges valid 5 minutes). Off when absent or false; the CLI turns it on by default.
   */
  lookupChallenge?: Partial<ChallengeSettings> | false;
  /** Folder served at `/` (example pages), or null. */
  staticRoot?: string | null;
  /** Folder served at `/cdn/` (built widget bundles), or null. */
  cdnRoot?: string | null;
  /** Seed demonstration dossiers and ratings on first start. Default false. */
  demo?: boolean;
  /** How many demo dossiers to generate (default: the generator's full year, about 250,000). */
  demoDossiers?: number;
  logLevel?: LogLevel;
  /** Default: `pretty` in development, `json` with NODE_ENV=production or a log destination. */
  logFormat?: LogFormat;
  /** Trust `X-Forwarded-For` from a reverse proxy: true, or the proxies' addresses/subnets (comma-separated). */
  trustProxy?: boolean | string;
  /** Check every JSON response against its contract schema (default: on unless NODE_ENV=production). */
  validateResponses?: boolean;
  /** Clock, for tests. */
  now?: () => Date;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  global: { max: 600, windowMs: 60_000 },
  dossierLookup: { max: 30, windowMs: 60_000 },
  ratings: { max: 10, windowMs: 60_000 },
  ingest: { max: 6000, windowMs: 60_000 },
};

/** The package folder (works from src/ under tsx and from dist/ when built). */
export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_DIR = resolve(PACKAGE_DIR, '..', '..');

/** The repository's `examples/` and built CDN bundles, when this runs from a checkout. */
export function defaultStaticDirs(): { staticRoot: string | null; cdnRoot: string | null } {
  const examples = resolve(REPO_DIR, 'examples');
  const cdn = resolve(REPO_DIR, 'packages', 'elements', 'dist', 'cdn');
  return { staticRoot: existsSync(examples) ? examples : null, cdnRoot: existsSync(cdn) ? cdn : null };
}

/** Thrown for a configuration value that cannot be used; the CLI prints the message and exits. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const WINDOW_UNITS: Record<string, number> = { s: 1_000, m: 60_000, min: 60_000, h: 3_600_000 };

/** Parse a rate rule like `30/min`, `600/60s`, `100/1h`. */
export function parseRateRule(text: string, name: string): RateLimitRule {
  const m = /^\s*([0-9]+)\s*\/\s*([0-9]*)\s*(s|m|min|h)\s*$/.exec(text);
  if (!m || Number(m[1]) < 1) throw new ConfigError(`${name}: expected "<count>/<window>" such as 30/min or 600/60s, got "${text}"`);
  return { max: Number(m[1]), windowMs: Number(m[2] || 1) * WINDOW_UNITS[m[3]!]! };
}

function parseBool(text: string, name: string): boolean {
  if (/^(1|true|yes|on)$/i.test(text)) return true;
  if (/^(0|false|no|off)$/i.test(text)) return false;
  throw new ConfigError(`${name}: expected true or false, got "${text}"`);
}

function parsePort(text: string, name: string): number {
  const n = Number(text);
  if (!/^[0-9]+$/.test(text) || n > 65535) throw new ConfigError(`${name}: expected a port number 0–65535, got "${text}"`);
  return n;
}

/** A PostgreSQL URL the driver can use: it parses and names a database. The password is never repeated. */
function checkPostgresUrl(text: string): void {
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (url && url.hostname && url.pathname.length > 1) return;
  throw new ConfigError(`db: expected postgres://user:password@host:port/database, got "${withoutPassword(text)}"`);
}

function keyHashes(env: NodeJS.ProcessEnv, name: string): string[] {
  const keys = (env[name] ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  for (const key of keys) {
    if (key.length < 16) throw new ConfigError(`${name}: each key must be at least 16 characters long`);
  }
  return keys.map(hashApiKey);
}


/** Command-line usage, printed by `motcua-server --help`. */
export const USAGE = `Usage: motcua-server [options]

Options (environment variable in brackets):
  --port <n>              port to listen on, 0 for any free port [PORT] (default 8080)
  --host <addr>           address to listen on [HOST] (default 127.0.0.1)
  --db <path|url>         SQLite file or :memory:, or a PostgreSQL database
                          postgres://user:password@host:port/name [MOTCUA_DB] (default ./var/motcua.db)
  --redis <url>           Redis shared by several instances, e.g. redis://10.0.0.5:6379 [MOTCUA_REDIS]
                          (default: none, limits and caches in this process)
  --province <code>       2-digit province code after the 2025 reform, e.g. 20 Lạng Sơn, 38 Thanh Hóa,
                          01 Hà Nội [MOTCUA_PROVINCE] (default: the database's, else 20)
  --procedure-list <file> the province's own list over the catalogue (CSV or JSON: code, action include |
                          exclude | variant, why, base, name), used on first start [MOTCUA_PROCEDURE_LIST]
  --demo / --no-demo      seed demonstration dossiers and ratings on first start [MOTCUA_DEMO]
  --demo-dossiers <n>     number of demo dossiers to generate [MOTCUA_DEMO_DOSSIERS]
  --verification <mode>   off | required: ask for the last 4 digits of phone or ID; default required, off with --demo [MOTCUA_VERIFICATION]
  --challenge-after <rule>  misses (unknown code or wrong digits) per client before lookups need a solved
                          proof-of-work challenge, e.g. 5/10m, or off [MOTCUA_CHALLENGE_AFTER] (default 5/10m)
  --origins <list>        CORS origins, comma-separated, or * [MOTCUA_ORIGINS] (default *)
  --static <dir>          folder served at / [MOTCUA_STATIC_DIR] (default: the repository's examples/)
  --cdn <dir>             folder served at /cdn/ [MOTCUA_CDN_DIR] (default: packages/elements/dist/cdn)
  --rate-global <rule>    e.g. 600/min [MOTCUA_RATE_GLOBAL]
  --rate-lookup <rule>    dossier lookups per client, e.g. 30/min [MOTCUA_RATE_LOOKUP]
  --rate-ratings <rule>   rating submissions per client, e.g. 10/min [MOTCUA_RATE_RATINGS]
  --rate-ingest <rule>    ingest calls per client, e.g. 6000/min [MOTCUA_RATE_INGEST]
  --trust-proxy <value>   true, or proxy addresses/subnets, comma-separated [MOTCUA_TRUST_PROXY]
  --log-level <level>     fatal|error|warn|info|debug|trace|silent [MOTCUA_LOG_LEVEL] (default info)
  --log-format <format>   pretty (a short line a request) | json [MOTCUA_LOG_FORMAT]
                          (default pretty, json when NODE_ENV=production)
  -h, --help              show this help
Ingest keys come only from the environment: MOTCUA_INGEST_KEYS=key1,key2 (hashed at start); admin keys
(offices and holiday calendar through /v1/admin) likewise: MOTCUA_ADMIN_KEYS=key1,key2.
The verification hash secret may be set with MOTCUA_VERIFY_SECRET; the challenge signing secret with
MOTCUA_CHALLENGE_SECRET (default: random at each start; set it when several instances share the traffic).`;

/** Resolved CLI configuration: the server options plus what only the CLI uses. */
export interface CliConfig extends ServerOptions {
  host: string;
  port: number;
  help: boolean;
}

/**
 * Build the configuration from environment variables and flags (flags win). Throws {@link ConfigError}
 * with a message naming the offending option.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)): CliConfig {
  let flags;
  try {
    flags = parseArgs({
      args: argv,
      allowNegative: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        redis: { type: 'string' },
        province: { type: 'string' },
        'procedure-list': { type: 'string' },
        demo: { type: 'boolean' },
        'demo-dossiers': { type: 'string' },
        verification: { type: 'string' },
        'challenge-after': { type: 'string' },
        origins: { type: 'string' },
        static: { type: 'string' },
        cdn: { type: 'string' },
        'rate-global': { type: 'string' },
        'rate-lookup': { type: 'string' },
        'rate-ratings': { type: 'string' },
        'rate-ingest': { type: 'string' },
        'trust-proxy': { type: 'string' },
        'log-level': { type: 'string' },
        'log-format': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const pick = (flag: string | undefined, name: string) => flag ?? env[name];

  const defaults = defaultStaticDirs();
  const config: CliConfig = {
    help: flags.help ?? false,
    port: 8080,
    host: '127.0.0.1',
    dbPath: pick(flags.db, 'MOTCUA_DB') ?? './var/motcua.db',
    staticRoot: defaults.staticRoot,
    cdnRoot: defaults.cdnRoot,
    logLevel: 'info',
  };
  if (isPostgresUrl(config.dbPath!)) checkPostgresUrl(config.dbPath!);
  const port = pick(flags.port, 'PORT');
  if (port !== undefined) config.port = parsePort(port, 'port');
  const redisUrl = pick(flags.redis, 'MOTCUA_REDIS');
  if (redisUrl) {
    if (!/^rediss?:\/\/[^\s]+$/.test(redisUrl)) throw new ConfigError(`redis: expected a URL like redis://host:6379, got "${redactedRedisUrl(redisUrl)}"`);
    config.redisUrl = redisUrl;
  }
  const host = pick(flags.host, 'HOST');
  if (host) config.host = host;

  try {
    const province = requestedProvince(flags.province, env);
    if (province !== undefined) config.province = province;
  } catch (error) {
    throw error instanceof ProvinceError ? new ConfigError(error.message) : error;
  }

  const listFile = pick(flags['procedure-list'], 'MOTCUA_PROCEDURE_LIST');
  if (listFile) {
    try {
      config.procedureList = parseRows(readFileSync(listFile, 'utf8')).rows;
    } catch (error) {
      throw new ConfigError(`procedure-list: cannot read ${listFile}: ${(error as Error).message}`);
    }
  }

  const demoEnv = env.MOTCUA_DEMO;
  config.demo = flags.demo ?? (demoEnv !== undefined && demoEnv !== '' ? parseBool(demoEnv, 'MOTCUA_DEMO') : false);
  const demoDossiers = pick(flags['demo-dossiers'], 'MOTCUA_DEMO_DOSSIERS');
  if (demoDossiers !== undefined) {
    if (!/^[0-9]{1,8}$/.test(demoDossiers)) throw new ConfigError(`demo-dossiers: expected a number, got "${demoDossiers}"`);
    config.demoDossiers = Number(demoDossiers);
  }

  const verification = pick(flags.verification, 'MOTCUA_VERIFICATION');
  if (verification !== undefined) {
    if (verification !== 'off' && verification !== 'required') {
      throw new ConfigError(`verification: expected "off" or "required", got "${verification}"`);
    }
    config.verification = verification;
  }
  // Dossier codes are sequential: without a second factor anyone could walk a commune's day. Only a
  // demonstration, whose dossiers are invented, answers lookups without one by default.
  config.verification ??= config.demo ? 'off' : 'required';
  if (env.MOTCUA_VERIFY_SECRET) config.verificationSecret = env.MOTCUA_VERIFY_SECRET;

  const challengeAfter = pick(flags['challenge-after'], 'MOTCUA_CHALLENGE_AFTER');
  if (challengeAfter?.trim() === 'off') {
    config.lookupChallenge = false;
  } else {
    const rule = challengeAfter ? parseRateRule(challengeAfter, 'challenge-after') : null;
    config.lookupChallenge = {
      ...(rule ? { misses: rule.max, windowMs: rule.windowMs } : {}),
      ...(env.MOTCUA_CHALLENGE_SECRET ? { secret: env.MOTCUA_CHALLENGE_SECRET } : {}),
    };
  }

  const origins = pick(flags.origins, 'MOTCUA_ORIGINS');
  if (origins !== undefined && origins.trim() !== '*') {
    const list = origins.split(',').map((o) => o.trim()).filter(Boolean);
    for (const o of list) {
      if (!/^https?:\/\/[^/\s]+$/.test(o)) throw new ConfigError(`origins: "${o}" is not an origin like https://example.gov.vn`);
    }
    config.allowedOrigins = list;
  }

  const staticRoot = pick(flags.static, 'MOTCUA_STATIC_DIR');
  if (staticRoot !== undefined) config.staticRoot = staticRoot === '' ? null : resolve(staticRoot);
  const cdnRoot = pick(flags.cdn, 'MOTCUA_CDN_DIR');
  if (cdnRoot !== undefined) config.cdnRoot = cdnRoot === '' ? null : resolve(cdnRoot);

  const rateLimits: Partial<RateLimits> = {};
  const rules = [
    ['global', flags['rate-global'], 'MOTCUA_RATE_GLOBAL'],
    ['dossierLookup', flags['rate-lookup'], 'MOTCUA_RATE_LOOKUP'],
    ['ratings', flags['rate-ratings'], 'MOTCUA_RATE_RATINGS'],
    ['ingest', flags['rate-ingest'], 'MOTCUA_RATE_INGEST'],
  ] as const;
  for (const [key, flag, name] of rules) {
    const value = flag ?? env[name];
    if (value) rateLimits[key] = parseRateRule(value, name);
  }
  config.rateLimits = rateLimits;

  const trustProxy = pick(flags['trust-proxy'], 'MOTCUA_TRUST_PROXY');
  if (trustProxy) {
    config.trustProxy = /^(true|false)$/i.test(trustProxy) ? parseBool(trustProxy, 'trust-proxy') : trustProxy;
  }

  const logLevel = pick(flags['log-level'], 'MOTCUA_LOG_LEVEL');
  if (logLevel !== undefined) {
    if (!LOG_LEVELS.includes(logLevel as LogLevel)) throw new ConfigError(`log-level: expected one of ${LOG_LEVELS.join(', ')}`);
    config.logLevel = logLevel as LogLevel;
  }

  const logFormat = pick(flags['log-format'], 'MOTCUA_LOG_FORMAT');
  if (logFormat !== undefined) {
    if (logFormat !== 'pretty' && logFormat !== 'json') throw new ConfigError(`log-format: expected pretty or json, got "${logFormat}"`);
    config.logFormat = logFormat;
  }

  config.ingestKeyHashes = keyHashes(env, 'MOTCUA_INGEST_KEYS');
  config.adminKeyHashes = keyHashes(env, 'MOTCUA_ADMIN_KEYS');
  const shared = config.adminKeyHashes.filter((h) => config.ingestKeyHashes!.includes(h));
  if (shared.length > 0) throw new ConfigError('MOTCUA_ADMIN_KEYS: an admin key must not also be an ingest key');
  return config;
}
