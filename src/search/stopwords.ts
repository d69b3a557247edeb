/**
 * Words that carry no topic: function words plus the filler of questions ("can you tell me",
 * "what is the"). The embedder gives them no features so that two texts do not look alike
 * merely because both are English sentences.
 */
export const retrievalStopwords: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being
  below between both but by can could did do does doing done down during each either else ever
  few for from further get gets getting got had has have having he her here hers herself him
  himself his how i if in into is it its itself just know let like me might more most must
  my myself no nor not now of off on once only or other ought our ours ourselves out over
  own please same shall she should so some such tell than that the their theirs them
  themselves then there these they this those through to too under until up us very want was
  we were what whats when where which while who whom whose why will with would you your yours
  yourself yourselves s t d m ll re ve im dont doesnt isnt arent cant wont also`
    .split(/\s+/)
    .filter(Boolean),
);
