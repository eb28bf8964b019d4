/**
 * The SLA stream workload: tickets made one at a time by a generator, for `measureStream`, from the
 * same model as bench/slaWorkload.ts (10 events each, the same plans, severities, delays, severity
 * changes, reopenings and solves, from its `ticketEvents`). Nothing is held: each ticket is a new
 * object, garbage once measured, as a ticket read from a file or a queue is. Its accounts are the
 * 2,500 account objects of its preset, shared as in the batch workload (a reader of an export keeps
 * its accounts, or the library reads each copy once per chunk).
 *
 * Tickets come in order of their creation day, spread evenly over [CREATED_FROM, CREATED_TO)
 * whatever their number, so 100,000 or 10,000,000 of them have the same mix: the batch a stream
 * is compared with is the same generator with a smaller count, held in an array.
 */
import type { AccountDefinition } from '../src/index.js';
import {
  CREATED_FROM,
  CREATED_TO,
  presetAccounts,
  rng,
  type SlaTicketInput,
  STANDARD_FIRST_REPLY,
  STANDARD_LEVELS,
  ticketEvents,
  VIP_FIRST_REPLY,
  VIP_LEVELS,
} from './slaWorkload.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const STREAM_SEED = 0x57ea_2026;

/** One preset's share of a stream: its accounts, its severity scale and first-reply delays. */
export interface StreamPreset {
  readonly name: 'standardSupport' | 'dedicatedSupport';
  readonly accounts: readonly AccountDefinition[];
  readonly levels: readonly (readonly [string, number])[];
  readonly firstReply: (account: AccountDefinition, level: string) => number;
  /** Mixed into the seed, so the presets' tickets differ. */
  readonly salt: number;
}

/** The two presets, with their accounts (the same objects for every stream of this process). */
export function streamPresets(seed = STREAM_SEED): readonly StreamPreset[] {
  const r = rng(seed);
  const { standardAccounts, dedicatedAccounts } = presetAccounts(r);
  return [
    {
      name: 'standardSupport',
      accounts: standardAccounts,
      levels: STANDARD_LEVELS,
      firstReply: (a) => STANDARD_FIRST_REPLY[a.plan!]!,
      salt: 1,
    },
    {
      name: 'dedicatedSupport',
      accounts: dedicatedAccounts,
      levels: VIP_LEVELS,
      firstReply: (_, level) => VIP_FIRST_REPLY[level]!,
      salt: 2,
    },
  ];
}

/** `count` tickets of `preset`, made one at a time; ticket `i` is created on day `i × days / count`. */
export function* streamTickets(preset: StreamPreset, count: number, seed = STREAM_SEED): Generator<SlaTicketInput> {
  const r = rng(seed ^ preset.salt);
  const days = Math.floor((CREATED_TO - CREATED_FROM) / DAY);
  for (let i = 0; i < count; i++) {
    const day = CREATED_FROM + Math.floor((i * days) / count) * DAY;
    // 75 % in 07:00–19:00 UTC (office hours in Madrid and Bratislava), else any time, as in the batch workload.
    const created = r.u() < 0.75 ? day + 7 * HOUR + r.int(12 * HOUR) : day + r.int(DAY);
    const account = preset.accounts[r.int(preset.accounts.length)]!;
    const level = r.pick(preset.levels);
    const { events } = ticketEvents(r, created, level, preset.levels, preset.firstReply(account, level));
    yield { account, events };
  }
}
