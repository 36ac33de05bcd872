export * from './app-config';
export * from './config.module';
export * from './secret-key';
export * from './key-strength';
export * from './trust-proxy';
