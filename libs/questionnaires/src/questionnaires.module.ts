import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QuestionnaireRegistry } from './questionnaire-registry';
import { QuestionnaireVersion } from './questionnaire-version.entity';
import { QuestionnaireVersionRepository } from './questionnaire-version.repository';
import { QuestionnairesController } from './questionnaires.controller';
import { QuestionnairesService } from './questionnaires.service';

@Module({
  imports: [TypeOrmModule.forFeature([QuestionnaireVersion])],
  controllers: [QuestionnairesController],
  providers: [
    QuestionnaireVersionRepository,
    {
      provide: QuestionnaireRegistry,
      useFactory: (store: QuestionnaireVersionRepository) =>
        QuestionnaireRegistry.fromDirectory(undefined, store),
      inject: [QuestionnaireVersionRepository],
    },
    QuestionnairesService,
  ],
  exports: [QuestionnaireRegistry, QuestionnairesService],
})
export class QuestionnairesModule {}
