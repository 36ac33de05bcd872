export * from './auditor';
export * from './groups';
export * from './linear-algebra';
export * from './protect';
export * from './rater-warnings';
export * from './sealing';
export * from './stored-group';
export * from './visible-groups';
