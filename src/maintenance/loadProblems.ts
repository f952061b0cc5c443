// Load problems found at startup or later (Refresh, another window's write) reach the user once each. Imports store/
// and common/.
import * as vscode from 'vscode';
import type { Logger } from '../common/logger';
import type { LoadReport, ProviderStore } from '../store/providerStore';
import { reportLoadProblems } from '../store/reportLoadProblems';

/**
 * Tells the user about problems with the stored data: found on loading at startup, on Refresh, on another window's
 * write or before a write (store.onDidReport). Every report is logged; each message is shown once per session, with
 * a button to the log, which has the details.
 */
export class LoadProblemNotifier {
  private readonly shown = new Set<string>();

  constructor(private readonly logger: Logger) {}

  report(report: LoadReport): void {
    const message = reportLoadProblems(report, this.logger);
    if (message === undefined || this.shown.has(message)) return;
    this.shown.add(message);
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window.showWarningMessage(message, showLog).then((choice) => {
      if (choice === showLog) this.logger.show();
    });
  }
}

/** Reports the startup load, and every later one, through one notifier. */
export function registerLoadProblemReports(context: vscode.ExtensionContext, logger: Logger, store: ProviderStore, startup: LoadReport): void {
  const notifier = new LoadProblemNotifier(logger);
  notifier.report(startup);
  context.subscriptions.push(store.onDidReport((report) => notifier.report(report)));
}
