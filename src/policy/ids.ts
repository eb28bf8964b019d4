import * as z from 'zod';
import { describeValue } from '../internal/describeValue.js';

/** An id: lowercase letters, digits, `.`, `-` and `_`, starting with a letter, at most 64 characters. */
export const ID_PATTERN = /^[a-z][a-z0-9_.-]{0,63}$/;
export const id = z.string().regex(ID_PATTERN, {
  error: (iss) =>
    `expected an id (a lowercase letter, then letters, digits, ".", "-" or "_"), got ${describeValue(iss.input)}`,
});
