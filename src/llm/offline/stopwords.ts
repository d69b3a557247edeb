/**
 * Words that carry no topic: function words plus the filler of questions ("can you tell me",
 * "I would like to know"). Matching on them would make every question look answerable.
 */
export const stopwords: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being
  below between both but by can could did do does doing done down during each either else ever
  few for from further get gets getting got had has have having he her here hers herself him
  himself his how i if in into is it its itself just know let like ll me might more most must
  my myself need no nor not now of off on once only or other ought our ours ourselves out over
  own please re really same shall she should so some such tell than that the their theirs them
  themselves then there these they this those through to too under until up us very want was
  we were what whats when where which while who whom whose why will with would you your yours
  yourself yourselves s t d m ve im dont doesnt isnt arent cant wont also maybe much many
  thing things way something anything`
    .split(/\s+/)
    .filter(Boolean),
);
