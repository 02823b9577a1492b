export * from './api';
export * from './enums';
export * from './partners';
export * from './networks';
export * from './platform';
