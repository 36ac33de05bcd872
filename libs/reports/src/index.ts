export * from './aggregation';
export * from './disclosure';
export * from './insights';
export * from './report-builder';
export * from './report.entity';
export * from './reports.module';
export * from './reports.service';
export * from './organisation-summary';
