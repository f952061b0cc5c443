import type * as Heroku from '../heroku';
import type {
  HerokuAccount, HerokuAddon, HerokuApiError, HerokuApp, HerokuAppInfo, HerokuClient, HerokuDyno, HerokuErrorKind, HerokuFormation, HerokuRelease,
  ListOptions, ReleaseOptions, RequestOptions,
} from '../heroku';
import type { Logger } from '../common/logger';
import { ExpectedError } from '../model/errors';
import { redactSecrets } from '../model/redact';

/** A failed Heroku request as the extension sees it: the client's HerokuApiError (already redacted), as an ExpectedError. */
export class HerokuRequestError extends ExpectedError {
  override readonly name = 'HerokuRequestError';
  readonly kind: HerokuErrorKind;

  constructor(readonly failure: HerokuApiError) {
    super(failure.message);
    this.kind = failure.kind;
  }

  override get cancelled(): boolean {
    return this.kind === 'cancelled';
  }
}

/**
 * The Heroku client, loaded with the first connection: it brings zod (its response schemas) and node-fetch, which
 * activation does not need (see model/lazySchema.ts).
 */
function heroku(): typeof Heroku {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load the client at activation
  return require('../heroku') as typeof Heroku;
}

let processPages: Heroku.PageMemory | undefined;

/** One PageMemory for the extension host: a ticket revalidates the pages the previous ticket or app pick fetched. */
function pageMemory(): Heroku.PageMemory {
  processPages ??= new (heroku().PageMemory)();
  return processPages;
}

function rethrowExpected(error: unknown): never {
  throw error instanceof heroku().HerokuApiError ? new HerokuRequestError(error) : error;
}

/** The Heroku client's reads, failing with HerokuRequestError. */
export class HerokuConnection {
  private constructor(private readonly client: HerokuClient) {}

  /** A client for the API origin `baseUrl` (a parsed Account ID), its token registered for redaction and its requests logged. */
  static open(logger: Pick<Logger, 'redactor' | 'info' | 'warn'>, userAgent: string, baseUrl: string, token: string): HerokuConnection {
    logger.redactor.add(token);
    try {
      return new HerokuConnection(heroku().createHerokuClient({
        baseUrl,
        token,
        userAgent,
        redact: redactSecrets,
        pages: pageMemory(),
        onLog: (entry) => logger[entry.level === 'warn' ? 'warn' : 'info'](`heroku: ${entry.message}`),
      }));
    } catch (error) {
      rethrowExpected(error);
    }
  }

  /** Host (and port) of the API, as shown in messages: `api.heroku.com`. */
  get host(): string {
    return this.client.host;
  }

  get rateLimitRemaining(): number | undefined {
    return this.client.rateLimitRemaining;
  }

  getAccount(options?: RequestOptions): Promise<HerokuAccount> {
    return this.client.getAccount(options).catch(rethrowExpected);
  }

  listApps(options?: ListOptions<HerokuApp>): Promise<HerokuApp[]> {
    return this.client.listApps(options).catch(rethrowExpected);
  }

  listDynos(app: string, options?: ListOptions<HerokuDyno>): Promise<HerokuDyno[]> {
    return this.client.listDynos(app, options).catch(rethrowExpected);
  }

  getApp(app: string, options?: RequestOptions): Promise<HerokuAppInfo> {
    return this.client.getApp(app, options).catch(rethrowExpected);
  }

  listFormation(app: string, options?: ListOptions<HerokuFormation>): Promise<HerokuFormation[]> {
    return this.client.listFormation(app, options).catch(rethrowExpected);
  }

  listReleases(app: string, options?: ReleaseOptions): Promise<HerokuRelease[]> {
    return this.client.listReleases(app, options).catch(rethrowExpected);
  }

  listAddons(app: string, options?: ListOptions<HerokuAddon>): Promise<HerokuAddon[]> {
    return this.client.listAddons(app, options).catch(rethrowExpected);
  }

  /** The names only: the client drops the values while parsing. */
  getConfigVarNames(app: string, options?: RequestOptions): Promise<string[]> {
    return this.client.getConfigVarNames(app, options).catch(rethrowExpected);
  }
}
