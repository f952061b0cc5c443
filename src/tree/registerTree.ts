// The Providers view: one node class per row kind (nodes/), a cache that keeps one node per id (nodeCache.ts), the data
// provider, Refresh and Rename. Imports model/, store/ and common/; the nodes get their children from the cache
// through the narrow ProviderRows/GroupRows, so no node imports the cache back.
import * as vscode from 'vscode';
import { registerCommand } from '../common/registerCommand';
import type { Logger } from '../common/logger';
import { commandIds } from '../model/commandIds';
import type { ProviderStore } from '../store/providerStore';
import { ProvidersTreeDataProvider, providersViewId } from './providersTree';
import type { TreeNode } from './treeNode';

export interface RevealTarget {
  readonly providerId: string;
  readonly scopeId?: string;
  readonly credentialId?: string;
}

/** Shows a newly created object in the Providers view, selected. */
export type RevealInView = (target: RevealTarget) => Promise<void>;

export interface ProvidersView {
  readonly tree: ProvidersTreeDataProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly reveal: RevealInView;
}

export function registerProvidersView(context: vscode.ExtensionContext, logger: Logger, store: ProviderStore): ProvidersView {
  const tree = new ProvidersTreeDataProvider(store);
  const treeView = vscode.window.createTreeView(providersViewId, { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(tree, treeView, store.onDidChange((change) => tree.refresh(change.providerId)));

  registerCommand(context, logger, commandIds.refresh, async () => {
    await store.reload();
    tree.refresh();
  });

  const reveal: RevealInView = async (target) => {
    const provider = tree.providerNode(target.providerId);
    const group = target.scopeId ? tree.groupNode(target.providerId, 'scopes') : target.credentialId ? tree.groupNode(target.providerId, 'credentials') : undefined;
    const node = group?.getChildren().find((child) => child.id === `scope:${target.scopeId}` || child.id === `credential:${target.credentialId}`) ?? provider;
    // Revealing needs the view to be visible; when it is not, the object is still there and the view shows it later.
    if (treeView.visible) await treeView.reveal(node, { select: true, focus: false, expand: true });
  };
  return { tree, treeView, reveal };
}
