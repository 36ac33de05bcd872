export * from './accessibility-statement';
export * from './compliance.module';
