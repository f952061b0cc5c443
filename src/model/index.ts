export * from './accountId';
export * from './commandIds';
export * from './constants';
export * from './fields';
export * from './herokuToken';
export * from './schemas';
export * from './validation';
