import * as vscode from 'vscode';

/** Errors whose message was written for the user (validation, storage, Heroku API): shown as they are. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

const userFacingNames = new Set(['UserFacingError']);

export function registerUserFacingErrorName(name: string): void {
  userFacingNames.add(name);
}

export function isCancellation(error: unknown): boolean {
  return error instanceof vscode.CancellationError
    || (error instanceof Error && (error.name === 'AbortError' || (error as { kind?: string }).kind === 'cancelled'));
}

export function describeError(error: unknown): string {
  if (error instanceof Error && userFacingNames.has(error.name)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return vscode.l10n.t('Provider Desk hit an unexpected error: {0}. Details are in the "Provider Desk Log" output channel.', detail);
}
