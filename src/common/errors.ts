import * as vscode from 'vscode';
import { HerokuApiError, isHerokuCancellation } from '../heroku';
import { StoreError } from '../store/errors';

/** An error whose message was written for the user; shown as it is. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

export function isCancellation(error: unknown): boolean {
  return error instanceof vscode.CancellationError || isHerokuCancellation(error);
}

/** Validation, storage and Heroku errors already say what happened and what to do; anything else is a bug. */
export function describeError(error: unknown): string {
  if (error instanceof UserFacingError || error instanceof StoreError || error instanceof HerokuApiError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return vscode.l10n.t('Provider Desk hit an unexpected error: {0}. Details are in the "Provider Desk Log" output channel.', detail);
}
