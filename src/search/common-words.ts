/**
 * Content words so frequent in English prose that sharing one says little about sharing a
 * topic ("company", "year", "make", "new"). Without a corpus to compute inverse document
 * frequency from, the embedder uses this list as its prior: these words keep their features
 * at a fraction of full weight instead of being dropped like stopwords, so a text made only of
 * them still has a direction. The list is general English, not any knowledge base's vocabulary.
 */
export const commonWords: ReadonlySet<string> = new Set(
  `able across actually add ago ahead almost already always among another around ask asked away
  back bad based became become becomes best better big bit came case certain change clear come
  comes coming company companies could current currently day days different done during early
  easy end enough even every example fact far feel find first following found full gave general
  give given giving go goes going gone good great group had half hand happen hard help high hold
  however important include included including instead keep kept kind known large last later least
  less level likely little long look looking lot low made main make makes making many matter may
  mean means might much name near need needs never new next number often old once one open order
  part per place point possible put quite rather read real really right run runs said say says
  second see seem seen set several show side simple since small something sometimes soon still
  sure take taken takes taking thing things think three time times today together took top total
  toward two type under up upon use used uses using usually various want way ways well went whether
  within without word work works world year years yes yet`
    .split(/\s+/)
    .filter(Boolean),
);

/** The weight of a common word's features relative to other content words. */
export const commonWordWeight = 0.35;
