// The floor the benchmark compares Provider Desk with (bench/lib/openView.ts): an extension with one activity-bar
// view of plain rows, and one command that opens a webview with the form's own HTML shell and Content Security
// Policy (src/forms/html.ts) and one vscode-elements control. Bundled into its own folder by bench/lib/build.ts. A copy
// with other ids is installed next to it: the difference between the two is the noise of the measure.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { renderFormHtml } from '../../src/forms/html';

export function activate(context: vscode.ExtensionContext): void {
  // As many rows as Provider Desk's view shows in the benchmark, and the prefix of its ids (the trivial extension and
  // its copy share this bundle): bench/lib/openView.ts writes both into the manifest.
  const { benchRows: count, benchPrefix: prefix } = context.extension.packageJSON as { benchRows: number; benchPrefix: string };
  const rows = Array.from({ length: count }, (_, index) => `Row ${String(index + 1).padStart(4, '0')}`);
  context.subscriptions.push(vscode.window.registerTreeDataProvider<string>(`${prefix}.rows`, {
    getChildren: (row?: string) => (row === undefined ? rows : []),
    getTreeItem: (row: string) => new vscode.TreeItem(row),
  }));
  context.subscriptions.push(vscode.commands.registerCommand(`${prefix}.openWebview`, () => {
    const root = vscode.Uri.joinPath(context.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(`${prefix}.webview`, 'Trivial form', vscode.ViewColumn.Active,
      { enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: [root], retainContextWhenHidden: false });
    context.subscriptions.push(panel);
    const uri = (file: string): string => panel.webview.asWebviewUri(vscode.Uri.joinPath(root, file)).toString();
    panel.webview.html = renderFormHtml({
      cspSource: panel.webview.cspSource, nonce: crypto.randomBytes(16).toString('base64'), scriptUri: uri('webview.js'),
      styleUri: uri('main.css'), codiconUri: uri('codicon.css'), title: 'Trivial form', language: vscode.env.language,
    });
  }));
}
