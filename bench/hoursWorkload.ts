/**
 * The support-hours workload: 1,000,000 ledger events for 10,000 accounts, from a seeded PRNG, then
 * shuffled. Every account has a package for contract year 2026 (a fifth also renew into 2027) and
 * about 30 conversations, each opened, handled (once or twice), often classified, sometimes
 * answered with documentation, reclassified or voided. Every 20th account is a partner pool whose
 * conversations name one of its 3–10 clients. Each account gets exactly 100 events: conversations
 * are added until the budget is spent (the last one may lack its final events, which is valid).
 */
import type { ConversationClass, LedgerEvent } from '../src/index.js';
import { mulberry32 } from './workload.js';

export const ACCOUNTS = 10_000;
export const EVENTS_PER_ACCOUNT = 100;
export const EVENTS = ACCOUNTS * EVENTS_PER_ACCOUNT;
export const HOURS_SEED = 0x40075eed;
/** Every POOL_EVERY-th account is a partner pool. */
export const POOL_EVERY = 20;
export const RENEWAL_SHARE = 0.2;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const Y2026 = { year: '2026', from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1) };
const Y2027 = { year: '2027', from: Date.UTC(2027, 0, 1), to: Date.UTC(2028, 0, 1) };
/** Classes drawn for a classification, with their weights (normal 50 %, incident 20 %, …). */
const CLASS_WEIGHTS: readonly [ConversationClass, number][] = [
  ['normal', 0.5],
  ['incident', 0.2],
  ['expected_behaviour', 0.15],
  ['customer_success', 0.15],
];

export interface HoursWorkload {
  /** The events, shuffled. */
  readonly events: LedgerEvent[];
  readonly accounts: readonly string[];
  readonly pools: number;
  readonly renewals: number;
  readonly conversations: number;
  /** Events per kind. */
  readonly kinds: Readonly<Record<LedgerEvent['kind'], number>>;
}

/**
 * The workload; fewer `accounts` (or another seed) give a smaller one, e.g. for a warm-up, and
 * `perAccount` sets the events of each account (at least 2: the package and an opening).
 */
export function makeHoursWorkload(
  accountCount = ACCOUNTS,
  seed = HOURS_SEED,
  perAccount = EVENTS_PER_ACCOUNT,
): HoursWorkload {
  const next = mulberry32(seed);
  const u = () => next() / 4_294_967_296;
  const int = (n: number) => Math.floor(u() * n);
  const classOf = (): ConversationClass => {
    let x = u();
    for (const [k, w] of CLASS_WEIGHTS) if ((x -= w) < 0) return k;
    return 'normal';
  };

  const events: LedgerEvent[] = [];
  const accounts: string[] = [];
  let pools = 0;
  let renewals = 0;
  let conversations = 0;
  for (let k = 0; k < accountCount; k++) {
    const pool = k % POOL_EVERY === 0;
    const account = `${pool ? 'pool' : 'acct'}-${String(k).padStart(5, '0')}`;
    const clients = pool ? 3 + int(8) : 0;
    accounts.push(account);
    if (pool) pools++;
    let n = 0;
    const id = () => `e${n++}`;
    const own: LedgerEvent[] = [];
    own.push({ id: id(), kind: 'package_granted', account, at: Y2026.from, ...Y2026, minutes: 15 * (40 + int(160)) });
    const years = [Y2026];
    if (u() < RENEWAL_SHARE) {
      renewals++;
      own.push({
        id: id(),
        kind: 'contract_renewed',
        account,
        at: Y2027.from,
        ...Y2027,
        previousYear: Y2026.year,
        minutes: 15 * (40 + int(160)),
      });
      years.push(Y2027);
    }
    for (let c = 0; own.length < perAccount; c++) {
      conversations++;
      const conversation = `T-${c}`;
      const year = years[int(years.length)]!;
      const opened = year.from + int(year.to - year.from - 14 * DAY);
      const base = { account, conversation };
      const client = pool && u() < 0.9 ? `client-${int(clients)}` : undefined;
      const conv: LedgerEvent[] = [
        {
          id: id(),
          kind: 'conversation_opened',
          ...base,
          at: opened,
          channel: u() < 0.7 ? 'ticket' : 'chat',
          ...(client === undefined ? {} : { client }),
        },
      ];
      const handled = u() < 0.5 ? 1 : 2;
      for (let h = 0; h < handled; h++)
        conv.push({ id: id(), kind: 'time_handled', ...base, at: opened + int(48 * HOUR), minutes: int(120) });
      if (u() < 0.1) conv.push({ id: id(), kind: 'answered_with_documentation', ...base, at: opened + HOUR });
      if (u() < 0.6) {
        const at = opened + int(72 * HOUR);
        conv.push({ id: id(), kind: 'classified', ...base, at, as: classOf() });
        if (u() < 0.15) conv.push({ id: id(), kind: 'classified', ...base, at: at + int(7 * DAY), as: classOf() }); // a reclassification
      }
      if (u() < 0.03) conv.push({ id: id(), kind: 'conversation_voided', ...base, at: opened + 2 * HOUR });
      for (const e of conv) if (own.length < perAccount) own.push(e);
    }
    for (const e of own) events.push(e);
  }
  // Fisher–Yates with the same PRNG: accounts, conversations and kinds all interleaved.
  for (let i = events.length - 1; i > 0; i--) {
    const j = int(i + 1);
    const t = events[i]!;
    events[i] = events[j]!;
    events[j] = t;
  }
  const kinds = {
    package_granted: 0,
    contract_renewed: 0,
    conversation_opened: 0,
    time_handled: 0,
    answered_with_documentation: 0,
    classified: 0,
    conversation_voided: 0,
  };
  for (const e of events) kinds[e.kind]++;
  return { events, accounts, pools, renewals, conversations, kinds };
}
