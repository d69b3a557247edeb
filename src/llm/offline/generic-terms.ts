import { stem } from './stem.js';

/**
 * Words that frame a question rather than name its topic ("what does the report *say* about",
 * "how do I *use*", "which *kind* of"). They still count towards matching, at a fraction of
 * their weight: a sentence that matches only them has not matched the question. A background
 * list like this stands in for corpus-wide statistics the responder does not have.
 */
export const genericTerms: ReadonlySet<string> = new Set(
  `happen happens happened mean means meant explain describe detail details information info kind
  kinds type types sort exactly actually usually generally typically currently still ever say says
  said state states mention mentions according document documents page pages section sections part
  parts chapter give gives given take takes took taken make makes made put puts keep keeps go goes
  went come comes came find look see show shows allow allowed able possible available offer offers
  provide provides include includes including new current next first last year years time times day
  days number numbers amount total lot lots someone anyone everyone company firm
  business organisation organization group use used using thing stuff case cases whole overall
  like different each every`
    .split(/\s+/)
    .filter(Boolean)
    .map(stem),
);

/** The fraction of its weight a generic term keeps. */
export const genericTermFactor = 0.35;

/** Words that point at a place in a document ("page 3", "section 2"), not at its content. */
export const locationWords: ReadonlySet<string> = new Set(['page', 'pages', 'section', 'chapter', 'clause', 'paragraph', 'part', 'step', 'line', 'appendix', 'schedule', 'p', 'pp']);
