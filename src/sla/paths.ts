import { isSupportPolicyError, underPath } from '../errors.js';

/** Where an SLA error points: a ticket alone (`[]`) or a ticket of a batch (`['tickets', 3]`). */

type Path = readonly (string | number)[];

/** The path of a ticket of a batch (`['tickets', 3]`), or of a ticket alone (`[]`). */
export function ticketPath(ticket: number): (string | number)[] {
  return ticket < 0 ? [] : ['tickets', ticket];
}

/**
 * Runs `f`, moving the path of any library error it throws under `prefix` (after dropping `drop`
 * leading segments); with `addOnsAs`, an error about add-ons the event did not name points at
 * that field instead.
 */
export function rebased<T>(prefix: Path, f: () => T, drop = 0, addOnsAs?: string): T {
  try {
    return f();
  } catch (error) {
    if (!isSupportPolicyError(error)) throw error;
    if (addOnsAs !== undefined && error.path[drop] === 'addOns')
      throw underPath(error, [...prefix, addOnsAs], error.path.length);
    throw underPath(error, prefix, drop);
  }
}
