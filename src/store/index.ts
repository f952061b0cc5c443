export * from './errors';
export * from './keys';
export * from './ports';
export * from './providerStore';
export * from './reportLoadProblems';
export { currentSchemaVersion } from './migrations';
