export * from './safe-text';
export * from './safe-text.decorator';
