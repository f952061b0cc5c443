// The vscode-elements components the forms use, registered by importing each one (not the whole library), so the
// bundle only carries what is rendered.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-form-helper/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-toolbar-button/index.js';

export const usedElements = [
  'vscode-button', 'vscode-checkbox', 'vscode-form-helper', 'vscode-icon', 'vscode-label', 'vscode-option',
  'vscode-single-select', 'vscode-textarea', 'vscode-textfield', 'vscode-toolbar-button',
] as const;

/** Resolves once every component is defined, so properties set right after rendering reach real elements. */
export async function elementsDefined(): Promise<void> {
  await Promise.all(usedElements.map((name) => customElements.whenDefined(name)));
}
