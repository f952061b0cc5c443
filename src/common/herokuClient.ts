import { createHerokuClient, type HerokuClient } from '../heroku';
import { redactSecrets } from '../model/redact';
import type { Logger } from './logger';

/** A Heroku client whose request lines go to the log, with the token registered for redaction first. */
export function createLoggedHerokuClient(logger: Logger, userAgent: string, accountId: string, token: string): HerokuClient {
  logger.redactor.add(token);
  return createHerokuClient({
    baseUrl: accountId,
    token,
    userAgent,
    redact: redactSecrets,
    onLog: (entry) => logger[entry.level === 'warn' ? 'warn' : 'info'](`heroku: ${entry.message}`),
  });
}
