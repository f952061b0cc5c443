// The trivial webview's script (see trivialExtension.ts): one vscode-elements text field, then the page is ready.
import '@vscode-elements/elements/dist/vscode-textfield/index.js';

const app = document.getElementById('app');
if (app) {
  app.replaceChildren(document.createElement('vscode-textfield'));
  app.removeAttribute('aria-busy');
}
