// The domain model: shapes (zod schemas), limits, the Account ID parser, validators and the problems they report
// (codes with arguments; problemTexts.ts words them through `@vscode/l10n`), the expected-error base, command ids and
// the Heroku token's field key. Imports nothing of ours and no `vscode` or Node built-ins: every folder but heroku/
// builds on it, the webview bundle included.
export * from './accountId';
export * from './commandIds';
export * from './constants';
export * from './fields';
export * from './markdown';
export * from './objects';
export * from './problems';
export * from './problemTexts';
export * from './schemas';
export * from './validation';
