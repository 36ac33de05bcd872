export * from './core.module';
export * from './domain-error';
export * from './error-body';
export * from './http-app';
export * from './logger';
export * from './logger.provider';
export * from './project-root';
export * from './validation';
