// common/: what every feature shares — the command wrapper (below: catch, log, one message; cancellation is silent),
// the logger with redaction, confirmations, progress, target resolution and the user-facing error helpers. Imports
// only model/ and shared/, never a feature folder: features hand in what a helper needs (e.g. targets' TargetSource).
import * as vscode from 'vscode';
import type { CommandId } from '../model/commandIds';
import type { Logger } from './logger';
import { describeError, isCancellation } from './errors';

/** What registering commands needs; each feature's dependencies extend it with what its commands use. */
export interface CommandDeps {
  readonly context: vscode.ExtensionContext;
  readonly logger: Logger;
}

/**
 * The one wrapper every command goes through: runs the handler, treats cancellation as silence, logs anything
 * else and shows one actionable message. Returns the handler's result so other extensions and tests can use it.
 */
export function registerCommand<Args extends unknown[], Result>(
  context: vscode.ExtensionContext,
  logger: Logger,
  id: CommandId,
  handler: (...args: Args) => Result | Promise<Result>,
): void {
  context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isCancellation(error)) {
        logger.info(`${id}: cancelled`);
        return undefined;
      }
      logger.error(`${id} failed`, error);
      void vscode.window.showErrorMessage(logger.redactor.redact(describeError(error)));
      return undefined;
    }
  }));
}
