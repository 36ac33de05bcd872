export * from './draft.entity';
export * from './response.entity';
export * from './responses.module';
export * from './survey-form';
export * from './survey-page';
export * from './survey.service';
