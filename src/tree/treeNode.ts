import type * as vscode from 'vscode';

/** Every row of the Providers view owns how it looks and what it contains; the data provider only delegates. */
export interface TreeNode {
  /** Stable across refreshes, so VS Code keeps expansion and selection. */
  readonly id: string;
  readonly parent: TreeNode | undefined;
  getTreeItem(): vscode.TreeItem;
  /** Asked for when the row is hovered (resolveTreeItem), not while the view renders: see ProvidersTreeDataProvider. */
  tooltip(): string | vscode.MarkdownString | undefined;
  getChildren(): TreeNode[];
}
