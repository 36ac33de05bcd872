/**
 * The guide for the feedback conversation with the team, built from the report's own shown
 * figures and nothing else: the strengths to thank for are the items the report already ranks
 * highest among others, the areas to ask about the ones it ranks lowest and the blind spots it
 * already shows (self a step above others). A suppressed figure never reaches the view model, so
 * it cannot reach the guide either. Pure.
 */
import type { Texts } from './report-format';

/** A behaviour to bring up, in the manager's own voice ("Jag ..."), and why, with its figures. */
export interface GuideItemView {
  id: string;
  behaviour: string;
  why: string;
}

export interface ConversationGuideView {
  intro: string;
  /** how to hold the conversation, in order */
  steps: string[];
  thank: GuideItemView[];
  ask: GuideItemView[];
  /** questions to ask the team: general ones, then one for each area to ask about */
  questions: string[];
  closing: string;
}

/** What the guide is drawn from: the view model's ranked items and blind spots, as shown. */
export interface GuideSource {
  strengths: readonly { id: string; mean: { text: string } }[];
  developmentAreas: readonly { id: string; mean: { text: string } }[];
  blindSpots: readonly { key: string; self: { text: string }; others: { text: string } }[];
}

/** At most this many areas to ask about: a conversation of an hour holds no more. */
const ASK_AT_MOST = 3;

export function conversationGuide(
  source: GuideSource,
  behaviourOf: (itemId: string) => string,
  t: Texts,
): ConversationGuideView {
  const thank = source.strengths.map((entry) => ({
    id: entry.id,
    behaviour: behaviourOf(entry.id),
    why: t('guide.thank.why', { mean: entry.mean.text }),
  }));
  const ask: GuideItemView[] = [];
  const add = (id: string, why: string) => {
    if (ask.length < ASK_AT_MOST && !ask.some((entry) => entry.id === id)) {
      ask.push({ id, behaviour: behaviourOf(id), why });
    }
  };
  // a blind spot first: the team sees it differently, which the conversation is for
  for (const gap of source.blindSpots) {
    add(gap.key, t('guide.ask.blindSpot', { self: gap.self.text, others: gap.others.text }));
  }
  for (const entry of source.developmentAreas) {
    add(entry.id, t('guide.ask.low', { mean: entry.mean.text }));
  }
  return {
    intro: t('guide.intro'),
    steps: [1, 2, 3, 4, 5].map((step) => t(`guide.step.${step}`)),
    thank,
    ask,
    questions: [
      t('guide.question.general.1'),
      t('guide.question.general.2'),
      ...ask.map((entry) => t('guide.question.item', { behaviour: entry.behaviour })),
      t('guide.question.general.3'),
    ],
    closing: t('guide.closing'),
  };
}
