import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { describeError } from '../common/errors';
import type { CommandDeps } from '../common/registerCommand';
import { prepareMessageSchemas, type ExtensionMessage } from '../shared/protocol';
import type { ProviderStore } from '../store/providerStore';
import { FormController, type FormDefinition, type FormHost } from './controller';
import { renderFormHtml } from './html';

export interface FormPanelDeps extends CommandDeps {
  readonly store: ProviderStore;
  /** Shows the object a form created in the Providers view. */
  reveal: FormHost['reveal'];
}

export const formViewType = 'providerDesk.form';

/**
 * One form in a webview panel: CSP'd HTML shell, the message loop (FormController) and the panel's lifecycle.
 * The webview is not retained when hidden: it reloads when shown again, says `ready`, gets `init` and restores what
 * the user had typed from its own vscode.getState().
 */
export class FormPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly controller: FormController;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeListeners: (() => void)[] = [];
  private disposed = false;
  private panelClosed = false;

  constructor(private readonly services: FormPanelDeps, private readonly definition: FormDefinition) {
    const { context, logger } = services;
    const webviewRoot = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(
      formViewType,
      definition.title(),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      {
        enableScripts: true,
        enableForms: false,
        enableCommandUris: false,
        localResourceRoots: [webviewRoot],
        retainContextWhenHidden: false,
      },
    );
    this.panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'provider-desk.svg');

    const host: FormHost = {
      post: (message: ExtensionMessage) => (this.disposed ? Promise.resolve(false) : this.panel.webview.postMessage(message)),
      close: () => this.dispose(),
      notify: (message) => { void vscode.window.showInformationMessage(message); },
      reveal: (target) => services.reveal(target),
      executeCommand: (command, ...args) => vscode.commands.executeCommand(command, ...args),
      describeError: (error) => logger.redactor.redact(describeError(error)),
      log: logger,
    };
    this.controller = new FormController(definition, host);

    // Listeners first, HTML last: the page's `ready` must not arrive before anyone listens.
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((message: unknown) => {
        this.controller.handle(message).catch((error: unknown) => logger.error(`${definition.kind} form: message handling failed`, error));
      }),
      this.panel.onDidChangeViewState(({ webviewPanel }) => {
        if (!webviewPanel.visible) this.controller.webviewHidden();
      }),
      this.panel.onDidDispose(() => {
        this.panelClosed = true; // by the user (tab closed) or by dispose() below
        this.dispose();
      }),
    );

    const webview = this.panel.webview;
    const nonce = crypto.randomBytes(16).toString('base64');
    webview.html = renderFormHtml({
      cspSource: webview.cspSource,
      nonce,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'main.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'main.css')).toString(),
      codiconUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'codicon.css')).toString(),
      title: definition.title(),
      language: vscode.env.language,
    });
    // VS Code holds messages for a webview until its first document has loaded, so the form's data goes with the page
    // instead of after the page's `ready` came back through the extension host. `ready` is still answered with `init`,
    // for a page that reloads; the page skips an `init` equal to the one it shows.
    this.controller.open().catch((error: unknown) => logger.error(`${definition.kind} form: sending the form failed`, error));
    // The page now loads in the renderer; meanwhile, here, zod and the schemas its first message is checked with.
    const prepare = setTimeout(prepareMessageSchemas, 0);
    this.disposables.push({ dispose: () => clearTimeout(prepare) });
    logger.info(`${definition.kind} form (${definition.mode}) opened`);
  }

  get key(): string { return this.definition.key; }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /** The store changed: refresh the title and the form's options, or close when the target is gone. */
  async refresh(): Promise<void> {
    if (this.disposed) return;
    if (this.definition.exists()) this.panel.title = this.definition.title();
    await this.controller.refresh();
  }

  onDidDispose(listener: () => void): void {
    this.disposeListeners.push(listener);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (!this.panelClosed) this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    for (const listener of this.disposeListeners.splice(0)) {
      try {
        listener();
      } catch (error) {
        this.services.logger.error('form panel dispose listener failed', error);
      }
    }
  }
}
