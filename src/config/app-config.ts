import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { randomBytes } from 'node:crypto';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase()) : value;

/** The environment as the process receives it; validated once at boot. */
class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/gpmb';

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '0.0.0.0';

  @Transform(toBoolean)
  @IsBoolean()
  SEED_DEMO = true;

  @Transform(toBoolean)
  @IsBoolean()
  RUN_MIGRATIONS = true;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  TIME_ZONE = 'Asia/Ho_Chi_Minh';

  /** Signs access tokens. Required in production; elsewhere a random one per process is made. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(60)
  @Max(86_400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /**
   * How long a process may reuse what it learnt of a credential (its account, session and scope)
   * before asking the database again; changes reach every process at once over Redis regardless.
   * 0 asks on every request.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(60)
  AUTH_CACHE_SECONDS = 5;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(1440)
  LOGIN_LOCK_MINUTES = 15;

  /** The first administrator, created at start-up when no admin exists yet. */
  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD?: string;

  /** Writes (POST/PATCH/PUT/DELETE) one account or API key (or one address, without credentials) may make per minute. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  WRITE_RATE_LIMIT_PER_MINUTE = 600;

  /** Sign-in attempts per minute from one address for one email, before any password is hashed. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 10;

  /** Requests with credentials that authenticate no one, per minute from one address; past it, 429. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  AUTH_FAILURE_RATE_LIMIT_PER_MINUTE = 60;

  /**
   * Prefix of every BullMQ key in Redis, so several deployments (or test runs) can share one Redis.
   * Default: `gpmb-<database name>`, so two deployments on two databases never share queues.
   */
  @IsOptional()
  @Matches(/^[\w-]{1,40}$/, { message: 'QUEUE_PREFIX may contain letters, digits, "_" and "-" only' })
  QUEUE_PREFIX?: string;

  /** Consume jobs inside the API process too (the single-machine start); false with a separate worker. */
  @Transform(toBoolean)
  @IsBoolean()
  RUN_WORKER_IN_API = true;

  /** How often committed jobs are moved from the outbox table to Redis. 0 turns the relay off. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  OUTBOX_POLL_MS = 500;

  /** Register the recurring jobs (sweeps, digests, snapshots) when a worker starts. */
  @Transform(toBoolean)
  @IsBoolean()
  JOB_SCHEDULES = true;

  /** Comma-separated origins allowed by CORS; empty allows none (server-to-server clients need none). */
  @IsOptional()
  @IsString()
  CORS_ORIGINS = '';

  /**
   * Which proxies in front of the API to believe about the client's address (X-Forwarded-For):
   * empty trusts none (the default: a client cannot pick its own address), `true` every hop, a
   * number that many hops, or comma-separated addresses and CIDR ranges.
   */
  @IsOptional()
  @Matches(/^(true|false|\d{1,2}|[\d.:/a-fA-F]+(\s*,\s*[\d.:/a-fA-F]+)*)$/, {
    message: 'TRUST_PROXY is true, a number of hops, or comma-separated addresses/CIDR ranges',
  })
  TRUST_PROXY?: string;

  /** Let webhooks point at loopback, link-local or private addresses (off: SSRF protection). */
  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_TARGETS = false;

  /** The built web app (web/dist), served at /; not served when the directory has no index.html. */
  @IsString()
  WEB_DIR = './web/dist';

  /** Where evidence files are kept: `local` (a directory, a volume in docker compose) or `s3`. */
  @IsIn(['local', 's3'])
  EVIDENCE_STORAGE: 'local' | 's3' = 'local';

  /** The directory of local evidence storage. */
  @IsString()
  EVIDENCE_DIR = './var/evidence';

  /** The largest evidence file accepted, in bytes (default 10 MB). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

  /** S3-compatible storage of evidence (EVIDENCE_STORAGE=s3). */
  @IsOptional()
  @IsString()
  S3_BUCKET?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  /** An S3-compatible endpoint such as MinIO's; unset for AWS S3 itself. */
  @IsOptional()
  @Matches(/^https?:\/\//, { message: 'S3_ENDPOINT must be an http(s):// URL' })
  S3_ENDPOINT?: string;

  @Transform(toBoolean)
  @IsBoolean()
  S3_FORCE_PATH_STYLE = true;

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** Prepended to every object key, so one bucket can hold several deployments. */
  @IsOptional()
  @Matches(/^[\w\-./]*$/, { message: 'S3_PREFIX may contain letters, digits, "_", "-", "." and "/" only' })
  S3_PREFIX = '';

  /** The least zxcvbn score (0–4) a new password must reach. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(4)
  PASSWORD_MIN_STRENGTH = 3;
}

/** What Fastify's `trustProxy` takes: trust none or all, addresses and ranges, or the first hops. */
export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

function parseTrustProxy(value: string): TrustProxy {
  const text = value.trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  return text.split(',').map((part) => part.trim());
}

/** `gpmb-<database name>`, with anything a queue prefix cannot hold turned into "-". */
function defaultQueuePrefix(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, '')) || 'default';
  return `gpmb-${name.replace(/[^\w-]/g, '-')}`.slice(0, 40);
}

/** S3-compatible object storage of evidence files. */
export interface S3Settings {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (MinIO, Ceph, a cloud's object storage); unset for AWS itself. */
  endpoint?: string;
  /** Path-style addressing (`endpoint/bucket/key`), which most S3-compatible servers need. */
  forcePathStyle: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Prepended to every key, so one bucket can serve several deployments. */
  prefix: string;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  databaseUrl: string;
  redisUrl: string;
  host: string;
  port: number;
  seedDemo: boolean;
  runMigrations: boolean;
  logLevel: string;
  timeZone: string;
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    loginMaxFailures: number;
    loginLockMinutes: number;
    /** The least zxcvbn score (0–4) of a new password. */
    passwordMinStrength: number;
    /** Seconds a process reuses a credential's principal and scope (0: never). */
    cacheSeconds: number;
  };
  bootstrapAdmin?: { email: string; password: string };
  corsOrigins: string[];
  trustProxy: TrustProxy;
  webhooks: { allowPrivateTargets: boolean };
  writeRateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  authFailureRateLimitPerMinute: number;
  /** The built web app's directory. */
  webDir: string;
  evidence: {
    maxBytes: number;
    storage: { kind: 'local'; dir: string } | ({ kind: 's3' } & S3Settings);
  };
  jobs: {
    queuePrefix: string;
    runWorkerInApi: boolean;
    outboxPollMs: number;
    schedule: boolean;
    /** A worker refuses to start while a job name has no handler. Only ever relaxed in development tests. */
    requireAllHandlers: boolean;
  };
}

/** DI token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigValidationError extends Error {}

/**
 * Reads and validates the environment. This is the only place in the code base that reads
 * `process.env`; everything else receives the typed result.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new ConfigValidationError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  if (parsed.NODE_ENV === 'production' && !parsed.JWT_SECRET) {
    throw new ConfigValidationError('Invalid configuration:\n  JWT_SECRET is required in production');
  }
  if (parsed.EVIDENCE_STORAGE === 's3' && !parsed.S3_BUCKET) {
    throw new ConfigValidationError('Invalid configuration:\n  S3_BUCKET is required with EVIDENCE_STORAGE=s3');
  }
  if (Boolean(parsed.ADMIN_EMAIL) !== Boolean(parsed.ADMIN_PASSWORD)) {
    throw new ConfigValidationError('Invalid configuration:\n  ADMIN_EMAIL and ADMIN_PASSWORD go together');
  }
  return {
    env: parsed.NODE_ENV,
    databaseUrl: parsed.DATABASE_URL,
    redisUrl: parsed.REDIS_URL,
    host: parsed.HOST,
    port: parsed.PORT,
    // Demo data (with demo accounts) only where asked for, or by default outside production.
    seedDemo: defined.SEED_DEMO === undefined ? parsed.NODE_ENV !== 'production' : parsed.SEED_DEMO,
    runMigrations: parsed.RUN_MIGRATIONS,
    logLevel: parsed.LOG_LEVEL,
    timeZone: parsed.TIME_ZONE,
    auth: {
      jwtSecret: parsed.JWT_SECRET ?? randomBytes(32).toString('hex'),
      accessTokenTtlSeconds: parsed.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: parsed.REFRESH_TOKEN_TTL_DAYS,
      loginMaxFailures: parsed.LOGIN_MAX_FAILURES,
      loginLockMinutes: parsed.LOGIN_LOCK_MINUTES,
      passwordMinStrength: parsed.PASSWORD_MIN_STRENGTH,
      cacheSeconds: parsed.AUTH_CACHE_SECONDS,
    },
    ...(parsed.ADMIN_EMAIL && parsed.ADMIN_PASSWORD
      ? { bootstrapAdmin: { email: parsed.ADMIN_EMAIL, password: parsed.ADMIN_PASSWORD } }
      : {}),
    writeRateLimitPerMinute: parsed.WRITE_RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: parsed.LOGIN_RATE_LIMIT_PER_MINUTE,
    authFailureRateLimitPerMinute: parsed.AUTH_FAILURE_RATE_LIMIT_PER_MINUTE,
    webDir: parsed.WEB_DIR,
    evidence: {
      maxBytes: parsed.EVIDENCE_MAX_BYTES,
      storage:
        parsed.EVIDENCE_STORAGE === 's3'
          ? {
              kind: 's3',
              bucket: parsed.S3_BUCKET as string,
              region: parsed.S3_REGION,
              endpoint: parsed.S3_ENDPOINT,
              forcePathStyle: parsed.S3_FORCE_PATH_STYLE,
              accessKeyId: parsed.S3_ACCESS_KEY_ID,
              secretAccessKey: parsed.S3_SECRET_ACCESS_KEY,
              prefix: parsed.S3_PREFIX,
            }
          : { kind: 'local', dir: parsed.EVIDENCE_DIR },
    },
    jobs: {
      queuePrefix: parsed.QUEUE_PREFIX ?? defaultQueuePrefix(parsed.DATABASE_URL),
      runWorkerInApi: parsed.RUN_WORKER_IN_API,
      outboxPollMs: parsed.OUTBOX_POLL_MS,
      schedule: parsed.JOB_SCHEDULES,
      requireAllHandlers: true,
    },
    corsOrigins: parsed.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    trustProxy: parseTrustProxy(parsed.TRUST_PROXY ?? ''),
    webhooks: { allowPrivateTargets: parsed.WEBHOOK_ALLOW_PRIVATE_TARGETS },
  };
}
