export * from './accountId';
export * from './constants';
export * from './fields';
export * from './schemas';
export * from './validation';
