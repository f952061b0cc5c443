// Answers the questions the extension asks inside the extension host, where nobody can click: modal warnings and
// quick picks. The tests and the extension share one `vscode` API object, so replacing `vscode.window.*` here is what
// the extension calls. A modal answered with undefined is what VS Code returns for Cancel, Escape or closing it.
import * as vscode from 'vscode';

export interface AskedModal {
  readonly message: string;
  readonly detail: string | undefined;
  readonly buttons: string[];
}

export interface Prompts {
  readonly modals: AskedModal[];
  readonly picks: { items: vscode.QuickPickItem[]; placeHolder: string | undefined }[];
  /** The button a modal gets; undefined (the default) is Cancel / Escape. */
  answerModal: (modal: AskedModal) => string | undefined;
  /** The item a quick pick gets; undefined (the default) is Escape. */
  answerPick: (items: vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined;
  restore(): void;
}

export function answerPrompts(): Prompts {
  const window = vscode.window as unknown as Record<string, unknown>;
  const showWarningMessage = window.showWarningMessage as (...args: unknown[]) => Thenable<unknown>;
  const showQuickPick = window.showQuickPick;
  const prompts: Prompts = {
    modals: [],
    picks: [],
    answerModal: () => undefined,
    answerPick: () => undefined,
    restore: () => {
      window.showWarningMessage = showWarningMessage;
      window.showQuickPick = showQuickPick;
    },
  };
  window.showWarningMessage = (message: string, ...rest: unknown[]) => {
    const options = typeof rest[0] === 'object' && rest[0] !== null ? rest[0] as vscode.MessageOptions : undefined;
    if (options?.modal !== true) return showWarningMessage.call(vscode.window, message, ...rest);
    const modal: AskedModal = { message, detail: options.detail, buttons: rest.filter((item): item is string => typeof item === 'string') };
    prompts.modals.push(modal);
    return Promise.resolve(prompts.answerModal(modal));
  };
  window.showQuickPick = async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
    const list = [...await items];
    prompts.picks.push({ items: list, placeHolder: options?.placeHolder });
    return prompts.answerPick(list);
  };
  return prompts;
}

/** A modal's first button: what "Yes" is in the extension's confirmations. */
export const firstButton = (modal: AskedModal): string | undefined => modal.buttons[0];
