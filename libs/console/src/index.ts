export * from './console.module';
export * from './cookies';
