export * from './accountId';
export * from './constants';
export * from './fields';
export * from './problems';
export * from './problemTexts';
export * from './schemas';
export * from './validation';
