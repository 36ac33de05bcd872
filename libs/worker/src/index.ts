export * from './background-worker';
export * from './worker.module';
