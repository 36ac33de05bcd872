export * from './aggregation';
export * from './disclosure';
