const text = (sv: string, en: string) => ({ sv, en });

/** A small questionnaire of a municipality's own: two areas, four behaviours. */
export function ownQuestionnaire(key = 'vard-ledarskap') {
  return {
    key,
    version: 1,
    title: text('Ledarskap i vården', 'Leadership in care'),
    scale: {
      min: 1,
      max: 4,
      labels: {
        '1': text('Stämmer inte', 'Not true'),
        '2': text('Stämmer delvis', 'Partly true'),
        '3': text('Stämmer till stor del', 'Mostly true'),
        '4': text('Stämmer helt', 'Fully true'),
      },
      allowNotApplicable: true,
      notApplicableLabel: text('Vet inte', "Don't know"),
    },
    dimensions: [
      {
        key: 'trygghet',
        title: text('Skapa trygghet', 'Create safety'),
        items: [
          {
            id: 'lyssnar',
            text: text('Min chef lyssnar på patienternas röst', 'My manager listens to patients'),
            selfText: text('Jag lyssnar på patienternas röst', 'I listen to patients'),
          },
          {
            id: 'finns',
            text: text('Min chef finns till hands', 'My manager is available'),
            selfText: text('Jag finns till hands', 'I am available'),
          },
        ],
      },
      {
        key: 'utveckling',
        title: text('Utveckla verksamheten', 'Develop the service'),
        items: [
          {
            id: 'forbattrar',
            text: text('Min chef driver förbättringar', 'My manager drives improvement'),
            selfText: text('Jag driver förbättringar', 'I drive improvement'),
          },
          {
            id: 'kompetens',
            text: text('Min chef satsar på kompetens', 'My manager invests in skills'),
            selfText: text('Jag satsar på kompetens', 'I invest in skills'),
          },
        ],
      },
    ],
    openQuestions: [
      {
        id: 'medskick',
        text: text('Vad vill du skicka med din chef?', 'What would you tell your manager?'),
      },
    ],
  };
}
