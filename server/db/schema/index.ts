export * from './platform';
export * from './registry';
export * from './networks';
export * from './audit';
export * from './knowledge';
export * from './strategy';
export * from './plans';
export * from './participation';
