import * as vscode from 'vscode';
export function activate(context: vscode.ExtensionContext): { apiVersion: number } {
  const tree: vscode.TreeDataProvider<string> = { getTreeItem: (e) => new vscode.TreeItem(e), getChildren: () => [] };
  context.subscriptions.push(vscode.window.createTreeView('providerDesk.providers', { treeDataProvider: tree }));
  context.subscriptions.push(vscode.commands.registerCommand('providerDesk.addProvider', () => undefined));
  return { apiVersion: 1 };
}
