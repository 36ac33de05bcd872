export * from './console.module';
export * from './cookies';
export { CONSOLE_ACCESS } from './session/console-session';
