import * as vscode from 'vscode';

/** A modal warning with one action besides Cancel; Cancel, Escape and closing the dialog all answer no. */
export async function confirmModal(message: string, detail: string, action: string): Promise<boolean> {
  return await vscode.window.showWarningMessage(message, { modal: true, detail }, action) === action;
}
