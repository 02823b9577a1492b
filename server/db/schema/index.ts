export * from './platform';
export * from './registry';
export * from './networks';
export * from './audit';
