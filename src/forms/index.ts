// The webview forms (Add/Edit Provider, Credential and Scope) on the extension's side: definitions per kind, the
// message loop (controller.ts) and the panels. Imports model/, shared/, store/ and common/; the webview's own code is
// in src/webview/. The commands that open forms get `Forms` handed in by extension.ts.
import * as vscode from 'vscode';
import { confirmModal } from '../common/confirm';
import { UserFacingError } from '../common/errors';
import type { FormDefinition } from './controller';
import { credentialForm, providerForm, scopeForm, type DefinitionDeps } from './definitions';
import { FormPanel, type FormPanelDeps } from './panel';

/** Opens the webview forms; each resolves once the panel is shown (not when the user submits). */
export interface Forms {
  /** Create a provider, or edit the one with this id. */
  provider(providerId?: string): Promise<void>;
  credential(providerId: string, credentialId?: string): Promise<void>;
  scope(providerId: string, scopeId?: string): Promise<void>;
}

/**
 * One panel per form target; opening it again focuses the open one. Panels follow store changes (new sibling names,
 * new credentials for the scope form, renamed provider in the title) and close when their object is deleted.
 */
export function createForms(services: FormPanelDeps): Forms {
  const deps: DefinitionDeps = { store: services.store, confirm: confirmModal };
  const panels = new Map<string, FormPanel>();

  const open = async (definition: FormDefinition): Promise<void> => {
    const existing = panels.get(definition.key);
    if (existing) {
      existing.reveal();
      return;
    }
    if (!definition.exists()) {
      throw new UserFacingError(vscode.l10n.t('That item no longer exists. Refresh the Providers view.'));
    }
    const panel = new FormPanel(services, definition);
    panels.set(definition.key, panel);
    panel.onDidDispose(() => {
      if (panels.get(definition.key) === panel) panels.delete(definition.key);
    });
  };

  services.context.subscriptions.push(
    services.store.onDidChange(() => {
      for (const panel of [...panels.values()]) {
        panel.refresh().catch((error: unknown) => services.logger.error('form refresh failed', error));
      }
    }),
    { dispose: () => { for (const panel of [...panels.values()]) panel.dispose(); } },
  );

  return {
    provider: (providerId?: string) => open(providerForm(deps, providerId)),
    credential: (providerId: string, credentialId?: string) => open(credentialForm(deps, providerId, credentialId)),
    scope: (providerId: string, scopeId?: string) => open(scopeForm(deps, providerId, scopeId)),
  };
}
