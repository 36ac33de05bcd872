export * from './draft.entity';
export * from './response.entity';
export * from './response-sealer';
export * from './response-sealing.module';
export * from './responses.module';
export * from './sealing';
export * from './survey-form';
export * from './survey.service';
