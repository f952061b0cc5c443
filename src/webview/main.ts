// Browser side of the Provider Desk forms (bundled to dist/webview/main.js, ESM, by scripts/build.mjs).
// Handshake: the extension sends `init` with the page, and answers this script's `ready` with `init` again (the same
// one, skipped here, unless the page reloaded or the store changed meanwhile).
// src/webview/ runs in the browser: it imports only shared/ and model/ (and the stylesheet), never `vscode` or l10n —
// every text, field errors included, comes with `init`.
import '../../media/forms.css';
import './elements.js';
import type { ExtensionMessage, WebviewMessage } from '../shared/protocol.js';
import type { FormState } from './formModel.js';
import { FormView } from './formView.js';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: FormState | null): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('app')!;
const view = new FormView(root, {
  post: (message) => vscode.postMessage(message),
  // Kept by VS Code only while the panel exists (no serializer is registered), so a hidden form comes back as it was.
  saveState: (state) => vscode.setState(state),
});

let shownInit: string | undefined;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as Partial<ExtensionMessage> | null;
  if (typeof message !== 'object' || message === null) return;
  switch (message.type) {
    case 'init': {
      const text = JSON.stringify(message);
      if (text === shownInit) break;
      shownInit = text;
      void view.applyInit(message as Extract<ExtensionMessage, { type: 'init' }>, vscode.getState());
      break;
    }
    case 'errors':
      view.applyErrors(message as Extract<ExtensionMessage, { type: 'errors' }>);
      break;
    case 'saved':
      view.applySaved();
      break;
  }
});

const noEnterSubmit = new Set(['TEXTAREA', 'VSCODE-TEXTAREA', 'BUTTON', 'VSCODE-BUTTON', 'VSCODE-TOOLBAR-BUTTON', 'VSCODE-ICON', 'VSCODE-SINGLE-SELECT', 'A']);

// Enter submits — except where Enter means something else: a new line in a textarea, pressing a button, opening or
// picking in a select. Ctrl/Cmd+Enter submits from anywhere, textareas included.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || event.isComposing || event.altKey || event.shiftKey) return;
  const commandKey = event.ctrlKey || event.metaKey;
  if (!commandKey && event.composedPath().some((target) => target instanceof HTMLElement && noEnterSubmit.has(target.tagName))) return;
  event.preventDefault();
  view.submit();
});

// Escape closes the form, unless it is closing an open dropdown. Captured first: the selects stop its propagation.
window.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || event.isComposing) return;
  const openSelect = event.composedPath().some((target) => target instanceof HTMLElement && target.tagName === 'VSCODE-SINGLE-SELECT'
    && (target as HTMLElement & { open?: boolean }).open === true);
  if (openSelect) return;
  event.preventDefault();
  view.cancel();
}, true);

vscode.postMessage({ type: 'ready' });
