// The store: providers, credentials and scopes — metadata in globalState (versioned, migrated, backed up when
// unreadable), sensitive values in SecretStorage, all-or-nothing writes, cross-window sync. No `vscode` import (the
// ports are structural) and imports only model/, so it is unit-tested in plain Node with in-memory doubles.
export * from './errors';
export * from './keys';
export * from './ports';
export * from './providerStore';
export * from './reportLoadProblems';
export { currentSchemaVersion } from './migrations';
