// Turns a LoadReport into one message for the user and detail lines for the log. No `vscode` import (texts through
// `@vscode/l10n`): the caller passes the logger and, to show the message, a notify function.
import * as l10n from '@vscode/l10n';
import type { StoreObjectKind } from './errors';
import type { MergeConflict, MergeProblem } from './merge';
import type { LoadReport } from './providerStore';

export interface LoadProblemLogger {
  warn(message: string): void;
  info?(message: string): void;
}

// Whole sentences per kind and problem: languages inflect the nouns differently.
const conflictTexts: Record<MergeProblem, Partial<Record<StoreObjectKind, (name: string, newName: string) => string>>> = {
  deletedElsewhere: {
    provider: (name) => l10n.t('The provider "{0}" was deleted in another window while it was changed here; it stays deleted.', name),
    credential: (name) => l10n.t('The credential "{0}" was deleted in another window while it was changed here; it stays deleted.', name),
    scope: (name) => l10n.t('The scope "{0}" was deleted in another window while it was changed here; it stays deleted.', name),
  },
  changedElsewhere: {
    provider: (name) => l10n.t('The provider "{0}" was changed in another window at the same time; the later change was kept, not the one made here.', name),
    credential: (name) => l10n.t('The credential "{0}" was changed in another window at the same time; the later change was kept, not the one made here.', name),
    scope: (name) => l10n.t('The scope "{0}" was changed in another window at the same time; the later change was kept, not the one made here.', name),
  },
  // A provider has no parent.
  parentDeleted: {
    credential: (name) => l10n.t('The credential "{0}", saved here, was deleted with its provider in another window.', name),
    scope: (name) => l10n.t('The scope "{0}", saved here, was deleted with its provider or credential in another window.', name),
  },
  renamed: {
    provider: (name, newName) => l10n.t('Another window saved a provider named "{0}" at the same time; one of them is now named "{1}".', name, newName),
    credential: (name, newName) => l10n.t('Another window saved a credential named "{0}" at the same time; one of them is now named "{1}".', name, newName),
    scope: (name, newName) => l10n.t('Another window saved a scope named "{0}" at the same time; one of them is now named "{1}".', name, newName),
  },
};

function describeConflict(conflict: MergeConflict): string {
  const text = conflictTexts[conflict.problem][conflict.kind] ?? conflictTexts.deletedElsewhere[conflict.kind]!;
  return text(conflict.name, conflict.newName ?? '');
}

function formatConflicts(conflicts: readonly MergeConflict[]): string | undefined {
  if (conflicts.length === 0) return undefined;
  const more = conflicts.length - 1;
  return l10n.t('Provider Desk: another VS Code window saved the providers at the same time. {0}', describeConflict(conflicts[0]!))
    + (more > 0 ? ` ${l10n.t('({0} more; see the Provider Desk Log.)', more)}` : '');
}

function formatInvalid(report: LoadReport): string | undefined {
  const count = report.invalid.length;
  if (count === 0) return undefined;
  const first = report.invalid[0]!;
  const where = first.name !== undefined ? `"${first.name}" (${first.path || 'stored data'})` : first.path || l10n.t('the stored data');
  const problem = `${where}: ${first.reason.replace(/\.$/, '')}`;
  const text = count === 1
    ? l10n.t('Provider Desk could not read one stored item and left it out: {0}.', problem)
    : l10n.t('Provider Desk could not read {0} stored items and left them out: {1} (and {2} more; see the Provider Desk Log).', count, problem, count - 1);
  return report.backupKey ? `${text} ${l10n.t('A copy of the data as it was is kept under "{0}".', report.backupKey)}` : text;
}

/** The one message to show for a report, or undefined when there is nothing to tell the user. */
export function formatLoadReport(report: LoadReport): string | undefined {
  const newer = report.newerSchemaVersion !== undefined
    ? l10n.t('Provider Desk: the providers were saved by a newer version of the extension (data version {0}). They are shown read-only; update Provider Desk to change them.',
      report.newerSchemaVersion)
    : undefined;
  const parts = [newer ?? formatInvalid(report), formatConflicts(report.conflicts ?? [])].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? undefined : parts.join(' ');
}

/**
 * Logs every problem of a load and returns (and, given `notify`, shows) the one message for the user. Call it once
 * per report; the store does not report the same invalid data twice (it backs it up and writes the valid rest).
 */
export function reportLoadProblems(report: LoadReport, logger: LoadProblemLogger, notify?: (message: string) => unknown): string | undefined {
  if (report.migratedFrom !== undefined) logger.info?.(`stored data migrated from schema version ${report.migratedFrom}`);
  if (report.merged) logger.info?.('stored data: another window\'s write lacked changes made here; they were joined into it and saved again');
  for (const item of report.invalid) {
    logger.warn(`stored data: left out ${item.path || '(whole object)'}${item.name !== undefined ? ` "${item.name}"` : ''}: ${item.reason}`);
  }
  if (report.backupKey) logger.warn(`stored data: backup kept under ${report.backupKey}`);
  for (const conflict of report.conflicts ?? []) {
    logger.warn(`stored data: written in another window at the same time: ${conflict.kind} ${conflict.id} "${conflict.name}": ${conflict.problem}`
      + `${conflict.newName === undefined ? '' : ` (now "${conflict.newName}")`}`);
  }
  const message = formatLoadReport(report);
  if (message !== undefined && notify) notify(message);
  return message;
}
