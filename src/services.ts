import type * as vscode from 'vscode';
import type { Logger } from './common/logger';
import type { ProviderStore } from './store/providerStore';
import type { ProvidersTreeDataProvider } from './tree/providersTree';
import type { TreeNode } from './tree/treeNode';
import type { Forms } from './forms/forms';

/** What activate() builds once and every register…() receives. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly logger: Logger;
  readonly store: ProviderStore;
  readonly tree: ProvidersTreeDataProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly forms: Forms;
  /** Shows a newly created object in the Providers view, selected. */
  reveal(target: { providerId: string; scopeId?: string; credentialId?: string }): Promise<void>;
}
