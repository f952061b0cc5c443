import * as vscode from 'vscode';
import { ExpectedError } from '../model/errors';

/** An error whose message was written for the user by the extension itself (see model/errors.ts for the others). */
export class UserFacingError extends ExpectedError {
  override readonly name = 'UserFacingError';
}

export function isCancellation(error: unknown): boolean {
  return error instanceof vscode.CancellationError || (error instanceof ExpectedError && error.cancelled);
}

/** Validation, storage and Heroku errors already say what happened and what to do; anything else is a bug. */
export function describeError(error: unknown): string {
  if (error instanceof ExpectedError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return vscode.l10n.t('Provider Desk hit an unexpected error: {0}. Details are in the "Provider Desk Log" output channel.', detail);
}
