import * as vscode from 'vscode';

/** Runs `work` under a cancellable notification; cancelling aborts the requests that got `signal`. */
export function withCancellableProgress<T>(title: string, work: (cancellation: vscode.CancellationToken, signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, cancellation) => {
    const abort = new AbortController();
    const listener = cancellation.onCancellationRequested(() => abort.abort());
    try {
      return await work(cancellation, abort.signal);
    } finally {
      listener.dispose();
    }
  });
}
