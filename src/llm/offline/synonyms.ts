import { stem } from './stem.js';

/**
 * Words people use interchangeably in support questions. A customer asks what something
 * "costs" while the price list says "price"; without these groups the responder would refuse
 * a question its documents answer.
 */
const synonymGroups: readonly string[][] = [
  ['cost', 'price', 'fee', 'charge', 'pricing', 'expensive', 'cheap'],
  ['buy', 'purchase', 'order'],
  ['refund', 'reimburse', 'reimbursement', 'repay'],
  ['return', 'exchange'],
  ['cancel', 'terminate', 'unsubscribe'],
  ['ship', 'deliver', 'delivery', 'dispatch', 'shipping'],
  ['contact', 'reach', 'email', 'phone', 'call'],
  ['register', 'signup', 'enroll', 'enrol', 'join'],
  ['login', 'signin', 'logon'],
  ['password', 'passcode', 'passphrase'],
  ['help', 'support', 'assist', 'assistance'],
  ['problem', 'issue', 'trouble', 'error', 'fault'],
  ['change', 'modify', 'update', 'edit', 'amend'],
  ['remove', 'delete', 'erase'],
  ['start', 'begin', 'commence'],
  ['job', 'career', 'vacancy', 'position', 'hiring', 'hire'],
  ['location', 'address', 'office', 'located'],
  ['warranty', 'guarantee'],
  ['shop', 'store', 'branch', 'outlet'],
  ['hour', 'time', 'schedule'],
  ['abroad', 'international', 'overseas', 'worldwide', 'foreign'],
  ['pet', 'dog', 'cat', 'animal'],
  ['kid', 'child', 'children'],
  ['quick', 'fast', 'rapid'],
  // Organisations and people at work.
  ['employee', 'staff', 'personnel', 'workforce', 'headcount', 'worker', 'people', 'employ'],
  ['work', 'employ'],
  ['customer', 'client', 'buyer'],
  // Money and figures.
  ['revenue', 'sales', 'turnover', 'income'],
  ['profit', 'earnings'],
  ['salary', 'wage', 'remuneration', 'compensation'],
  ['discount', 'reduction', 'rebate'],
  ['spend', 'spending', 'expenditure', 'expense', 'outlay'],
  ['bill', 'invoice'],
  ['free', 'complimentary'],
  // Change over time.
  ['increase', 'rise', 'grow', 'growth', 'gain', 'climb'],
  ['decrease', 'reduce', 'fall', 'drop', 'decline', 'cut', 'lower'],
  ['end', 'finish', 'terminate', 'termination', 'cancel'],
  ['begin', 'start', 'launch'],
  ['annual', 'yearly'],
  ['holiday', 'vacation', 'leave'],
  // Goals and plans.
  ['aim', 'goal', 'target', 'objective'],
  // Things going wrong and being put right.
  ['broken', 'damaged', 'faulty', 'defective', 'defect'],
  ['repair', 'fix', 'mend'],
  ['respond', 'response', 'reply', 'answer'],
  ['weight', 'weigh', 'heavy'],
  ['website', 'site', 'online', 'web'],
  ['information', 'info', 'details', 'data'],
];

const groupsByStem = new Map<string, Set<string>>();
for (const group of synonymGroups) {
  const stems = new Set(group.map(stem));
  for (const member of stems) groupsByStem.set(member, new Set([...(groupsByStem.get(member) ?? []), ...stems]));
}

export function areSynonyms(left: string, right: string): boolean {
  return groupsByStem.get(left)?.has(right) ?? false;
}
