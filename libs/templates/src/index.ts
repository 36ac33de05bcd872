export * from './template-renderer';
export * from './templates.module';
