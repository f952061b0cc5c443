// The model: shapes (zod schemas), limits, the Account ID parser, validators and the problems they report (codes with
// arguments; problemTexts.ts words them through `@vscode/l10n`). Imports nothing of ours and no `vscode` or Node
// built-ins: the store, the forms and the webview bundle all build on it.
export * from './accountId';
export * from './constants';
export * from './fields';
export * from './problems';
export * from './problemTexts';
export * from './schemas';
export * from './validation';
