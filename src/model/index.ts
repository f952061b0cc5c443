// The domain model: schemas, validation, Account IDs, limits, command ids and the Heroku token's field key. Imports
// nothing of ours (zod only), so every folder but heroku/ may import it, the webview included.
export * from './accountId';
export * from './commandIds';
export * from './constants';
export * from './fields';
export * from './schemas';
export * from './validation';
