/** Who will rate whom, per subject, with the groups below k: what HR reviews before launch. Pure. */
import { raterWarnings } from '@ledarspegel/anonymity';
import type { RatersPreviewDto, SubjectRatersDto } from '../campaign.dto';
import type { Campaign } from '../campaign.entity';
import type { CampaignRaterList } from './campaign-raters';
import type { Relationship } from '../relationship';

function emptyCounts(): Record<Relationship, number> {
  return { self: 0, manager: 0, direct_report: 0, peer: 0, other: 0 };
}

export function ratersPreview(
  campaign: Campaign,
  { raters, people, subjectIds }: CampaignRaterList,
): RatersPreviewDto {
  const bySubject = new Map<string, SubjectRatersDto>();
  for (const personId of subjectIds) {
    const person = people.get(personId);
    bySubject.set(personId, {
      employeeId: person?.employeeId ?? '',
      name: person?.name ?? '',
      counts: emptyCounts(),
      raters: [],
      warnings: [],
    });
  }
  for (const rater of raters) {
    const entry = bySubject.get(rater.subjectId);
    const person = people.get(rater.raterId);
    if (entry && person) {
      entry.counts[rater.relationship] += 1;
      entry.raters.push({
        employeeId: person.employeeId,
        name: person.name,
        relationship: rater.relationship,
      });
    }
  }
  const list = [...bySubject.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  for (const entry of list) {
    entry.warnings = raterWarnings(
      entry.counts,
      campaign.anonymityThreshold,
      campaign.showManagerSeparately,
    );
  }
  return {
    campaignId: campaign.id,
    status: campaign.status,
    threshold: campaign.anonymityThreshold,
    raters: new Set(raters.map((r) => r.raterId)).size,
    assignments: raters.length,
    subjects: list,
  };
}
