import { Module } from '@nestjs/common';
import { QuestionnaireRegistry } from './questionnaire-registry';
import { QuestionnairesController } from './questionnaires.controller';

@Module({
  controllers: [QuestionnairesController],
  providers: [
    { provide: QuestionnaireRegistry, useFactory: () => QuestionnaireRegistry.fromDirectory() },
  ],
  exports: [QuestionnaireRegistry],
})
export class QuestionnairesModule {}
