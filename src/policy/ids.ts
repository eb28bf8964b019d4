import * as z from 'zod';
import { describeValue } from '../internal/describeValue.js';
import { DURATION_PATTERN } from './duration.js';

/** An id: lowercase letters, digits, `.`, `-` and `_`, starting with a letter, at most 64 characters. */
export const ID_PATTERN = /^[a-z][a-z0-9_.-]{0,63}$/;
export const id = z.string().regex(ID_PATTERN, {
  error: (iss) =>
    `expected an id (a lowercase letter, then letters, digits, ".", "-" or "_"), got ${describeValue(iss.input)}`,
});

export const duration = z.string().regex(DURATION_PATTERN, {
  error: (iss) =>
    `expected a positive duration "PT<h>H<m>M" (open time) or "P<n>D" (business days), got ${describeValue(iss.input)}`,
});

/** A clock: a calendar of the policy by id, or `24/7`. */
export const clock = z.union([z.literal('24/7'), id]);
