export * from './record';
export * from './query';
export * from './csv';
export * from './labels';
export * from './retention';
