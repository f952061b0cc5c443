import * as vscode from 'vscode';
import type { Redactor } from '../model/redact';

/** Diagnostics channel ("Provider Desk Log"); every line passes through the redactor first. */
export class Logger implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel(vscode.l10n.t('Provider Desk Log'), { log: true });

  constructor(readonly redactor: Redactor) {}

  info(message: string): void { this.channel.info(this.redactor.redact(message)); }
  warn(message: string): void { this.channel.warn(this.redactor.redact(message)); }
  error(message: string, error?: unknown): void {
    // A stack already begins with `name: message`; logging both would repeat the message.
    const detail = error instanceof Error ? error.stack ?? `${error.name}: ${error.message}` : error === undefined ? '' : String(error);
    this.channel.error(this.redactor.redact(detail ? `${message} — ${detail}` : message));
  }

  /** Brings the log into view without taking the focus. */
  show(): void { this.channel.show(true); }

  dispose(): void { this.channel.dispose(); }
}
