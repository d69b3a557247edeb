import { stemEnglishWord } from './english-stem.js';

/**
 * Words and two-word phrases that documents and the people asking about them use
 * interchangeably: a report says "revenue" where a question says "sales", a handbook says
 * "staff" where a question says "employees". The offline embedder gives every member of a
 * group one shared feature, which is what lets it match a paraphrase that shares no word with
 * the passage. The table is generic office, finance and policy vocabulary, not any one
 * knowledge base's; irregular forms ("rose", "grew") are listed because no stemmer reaches them.
 *
 * Changing this table changes stored embeddings: do it together with the embedder's model id.
 */
const conceptGroups: readonly string[] = [
  'revenue sales income turnover takings',
  'profit earnings surplus profitable profitability',
  'loss deficit unprofitable',
  'cost expense expenditure spending spend spent outlay',
  'price pricing fee charge tariff',
  'employee staff personnel workforce headcount worker workers employees staffer',
  'ceo chief_executive managing_director',
  'cfo chief_financial finance_director',
  'cto chief_technology',
  'founder cofounder founded established establish incorporated',
  'customer client buyer consumer purchaser',
  'buy purchase bought acquire',
  'acquisition takeover buyout merger',
  'increase rise rose risen grow grew grown growth gain climb climbed boost jump',
  'decrease decline fall fell fallen drop reduce reduction shrink shrank cut lower',
  'salary salaries wage pay paid compensation remuneration',
  'holiday vacation leave time_off annual_leave pto',
  'office headquarters hq head_office premises',
  'product offering merchandise goods',
  'launch release introduce unveil debut',
  'policy rule guideline regulation procedure',
  'refund reimburse reimbursement repay money_back',
  'cancel cancellation terminate termination',
  'hire hiring recruit recruitment employ onboard',
  'dismiss dismissal layoff redundancy',
  'resign resignation quit',
  'manager supervisor boss line_manager',
  'contract agreement',
  'supplier vendor',
  'ship shipping delivery deliver dispatch courier postage',
  'warranty guarantee',
  'complaint grievance dispute',
  'password passcode passphrase credential',
  'remote telework telecommute wfh work_from_home home_working',
  'training course workshop tuition',
  'budget allocation',
  'investment investor funding capital financing',
  'debt loan borrowing borrow',
  'tax taxation vat',
  'start begin began begun commence',
  'large big huge major',
  'small little minor tiny',
  'fast quick rapid speedy',
  'error bug fault defect glitch problem issue',
  'help support assistance assist helpdesk',
  'contact phone telephone email call',
  'year annual yearly annually',
  'month monthly',
  'quarter quarterly',
  'competitor rival competition',
  'sustainability sustainable environmental carbon emissions',
  'maternity paternity parental',
  'sick illness ill sickness',
  'insurance coverage insured',
  'retire retirement pension',
  'bonus incentive commission',
  'travel trip journey',
  'laptop computer device equipment hardware',
  'software application app',
  'subscription membership',
  'discount rebate markdown',
  'deadline due_date',
  'approve approval authorise authorize permission permit allowed',
  'prohibit prohibited forbid forbidden ban banned',
  'require requirement mandatory compulsory obligatory',
  'shareholder stockholder owner ownership stake',
  'factory plant facility',
  'manufacture manufacturing produce production assemble',
  'sell sold',
  'location site branch',
  'meeting conference',
  'secure security protection',
  'data information',
  'people person individual',
  'clothing clothes garments apparel attire',
  'city town',
  'car vehicle',
];

/** Maps a word's stem, or two adjacent stems joined by "_", to its group's name. */
const conceptByStemOrPhrase = new Map<string, string>();
for (const group of conceptGroups) {
  const members = group.split(' ');
  const name = members[0] ?? '';
  for (const member of members) {
    const key = member.split('_').map(stemEnglishWord).join('_');
    if (!conceptByStemOrPhrase.has(key)) conceptByStemOrPhrase.set(key, name);
  }
}

/** First stems of the two-word members, so most word pairs are ruled out without building a key. */
const phraseFirstStems = new Set([...conceptByStemOrPhrase.keys()].filter((key) => key.includes('_')).map((key) => key.split('_')[0]));

/** Whether some two-word concept begins with this stem. */
export function startsConceptPhrase(stem: string): boolean {
  return phraseFirstStems.has(stem);
}

/** The concept a single stem belongs to, if any. */
export function conceptOfStem(stem: string): string | undefined {
  return conceptByStemOrPhrase.get(stem);
}

/** The concept two adjacent stems form together ("chief" + "executive" → "ceo"), if any. */
export function conceptOfPhrase(firstStem: string, secondStem: string): string | undefined {
  return conceptByStemOrPhrase.get(`${firstStem}_${secondStem}`);
}
