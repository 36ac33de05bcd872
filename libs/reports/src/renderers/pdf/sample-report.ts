/**
 * A whole report of the Huddinge questionnaire from made-up answers, for tests of the PDF
 * (not used by the app): a team of 6 and a self-assessment, comments, k = 3.
 */
import path from 'node:path';
import { projectRoot } from '@ledarspegel/core';
import { loadQuestionnaires, Questionnaire } from '@ledarspegel/questionnaires';
import type { ResponseInput } from '../../aggregation';
import { assembleReport } from '../../assemble-report';
import type { ReportContent } from '../../report-content';

export function sampleReport(name = 'Åsa Öberg'): {
  report: ReportContent;
  questionnaire: Questionnaire;
} {
  const questionnaire = loadQuestionnaires(
    path.join(projectRoot(), 'seeds', 'questionnaires'),
  ).find((q) => q.key === 'huddinge-ledarskap');
  if (!questionnaire) {
    throw new Error('seeds/questionnaires has no huddinge-ledarskap');
  }
  const items = questionnaire.dimensions.flatMap((d) => d.items.map((i) => i.id));
  const response = (group: ResponseInput['group'], seed: number): ResponseInput => ({
    group,
    answers: Object.fromEntries(items.map((id, i) => [id, ((seed + i) % 5) + 1])),
    comments: { [questionnaire.openQuestions[0]?.id ?? 'strengths']: `Lyssnar väl (${seed})` },
  });
  const input = {
    threshold: 3,
    showManagerSeparately: true,
    questionnaire,
    tallies: {
      self: { invited: 1, responded: 1 },
      manager: { invited: 1, responded: 0 },
      direct_report: { invited: 8, responded: 6 },
      peer: { invited: 0, responded: 0 },
      other: { invited: 0, responded: 0 },
    },
    responses: [
      response('self', 4),
      ...[0, 1, 2, 3, 4, 5].map((seed) => response('direct_report', seed)),
    ],
  };
  return {
    questionnaire,
    report: assembleReport(
      {
        campaignId: 'sample',
        campaignName: 'Ledarspegel 2026',
        closedAt: '2026-11-30T12:00:00.000Z',
        subject: { employeeId: 'E1', name },
        questionnaire: { key: questionnaire.key, version: questionnaire.version },
      },
      input,
      null,
    ),
  };
}
