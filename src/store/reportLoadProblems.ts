// Turns a LoadReport into one message for the user and detail lines for the log. No `vscode` import: the caller
// passes the logger and, to show the message, a notify function (e.g. vscode.window.showWarningMessage).
import type { LoadReport } from './providerStore';

export interface LoadProblemLogger {
  warn(message: string): void;
  info?(message: string): void;
}

/** The one message to show for a report, or undefined when there is nothing to tell the user. */
export function formatLoadReport(report: LoadReport): string | undefined {
  if (report.newerSchemaVersion !== undefined) {
    return `Provider Desk: the providers were saved by a newer version of the extension (data version ${report.newerSchemaVersion}). `
      + 'They are shown read-only; update Provider Desk to change them.';
  }
  const count = report.invalid.length;
  if (count === 0) return undefined;
  const first = report.invalid[0]!;
  const where = first.name !== undefined ? `"${first.name}" (${first.path || 'stored data'})` : first.path || 'the stored data';
  const backup = report.backupKey ? ` A copy of the data as it was is kept under "${report.backupKey}".` : '';
  return `Provider Desk could not read ${count === 1 ? 'one stored item' : `${count} stored items`} and left ${count === 1 ? 'it' : 'them'} out: `
    + `${where}: ${first.reason.replace(/\.$/, '')}${count > 1 ? ` (and ${count - 1} more; see the Provider Desk Log)` : ''}.${backup}`;
}

/**
 * Logs every problem of a load and returns (and, given `notify`, shows) the one message for the user. Call it once
 * per report; the store does not report the same invalid data twice (it backs it up and writes the valid rest).
 */
export function reportLoadProblems(report: LoadReport, logger: LoadProblemLogger, notify?: (message: string) => unknown): string | undefined {
  if (report.migratedFrom !== undefined) logger.info?.(`stored data migrated from schema version ${report.migratedFrom}`);
  for (const item of report.invalid) {
    logger.warn(`stored data: left out ${item.path || '(whole object)'}${item.name !== undefined ? ` "${item.name}"` : ''}: ${item.reason}`);
  }
  if (report.backupKey) logger.warn(`stored data: backup kept under ${report.backupKey}`);
  const message = formatLoadReport(report);
  if (message !== undefined && notify) notify(message);
  return message;
}
