export * from './questionnaire';
export * from './questionnaire-loader';
export * from './questionnaire-registry';
export * from './questionnaire-validation';
export * from './questionnaire-version.entity';
export * from './questionnaire.dto';
export * from './questionnaires.module';
export * from './questionnaires.service';
