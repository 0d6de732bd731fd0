// The shared schemas state each rule as one `v.check` predicate (a smaller bundle than valibot's specific
// actions). These cases pin every boundary of those rules to the one problem a caller sees, so that a rewrite
// of a rule cannot move a bound or change a message unnoticed.

import type { ValidationIssue as InputProblem } from '@bcekit/core';
import { toProblems } from '@bcekit/core/operation';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CreateBillingSchema, RenewBillingSchema } from '../src/schemas/billing.ts';
import {
  BandwidthSchema,
  ClientTokenSchema,
  IdSchema,
  MaxKeysSchema,
  RegionCodeSchema,
  TextSchema,
} from '../src/schemas/common.ts';
import { TagSchema } from '../src/schemas/tags.ts';

function problemsOf(schema: v.GenericSchema, value: unknown): InputProblem[] {
  const result = v.safeParse(v.object({ field: schema }), { field: value });
  return result.success ? [] : toProblems(result.issues);
}

const ID = 'must be a non-empty id without "/"';
const BANDWIDTH = 'must be an integer >= 1';
const MAX_KEYS = 'must be an integer from 1 to 1000';
const TOKEN = 'must be 1 to 64 printable ASCII characters';
const REGION = 'must be a region code such as "bj" or "gz" (lower-case letters, digits, "-")';

describe('shared schema rules', () => {
  it.each([
    ['IdSchema', IdSchema, ['a', '...', 'vpc-a8n5p6qwxrmq', '.a', 'a..']],
    ['BandwidthSchema', BandwidthSchema, [1, 2, 10_000, Number.MAX_SAFE_INTEGER]],
    ['MaxKeysSchema', MaxKeysSchema, [1, 500, 1000]],
    ['TextSchema', TextSchema, ['', 'x'.repeat(1024), '\u{1F600}'.repeat(512)]],
    ['ClientTokenSchema', ClientTokenSchema, [' ', '~', 'x'.repeat(64)]],
    ['RegionCodeSchema', RegionCodeSchema, ['bj', 'hb-fsg', 'a0', `a${'b'.repeat(15)}`]],
  ])('%s accepts its boundary values', (_, schema, values) => {
    for (const value of values) expect(problemsOf(schema, value)).toEqual([]);
  });

  it.each([
    ['IdSchema', IdSchema, '', `${ID} (got "")`],
    ['IdSchema', IdSchema, '.', `${ID} (got ".")`],
    ['IdSchema', IdSchema, '..', `${ID} (got "..")`],
    ['IdSchema', IdSchema, 'a/b', `${ID} (got "a/b")`],
    ['IdSchema', IdSchema, '/', `${ID} (got "/")`],
    ['IdSchema', IdSchema, 7, `${ID} (got 7)`],
    ['BandwidthSchema', BandwidthSchema, 0, `${BANDWIDTH} (got 0)`],
    ['BandwidthSchema', BandwidthSchema, 0.5, `${BANDWIDTH} (got 0.5)`],
    ['BandwidthSchema', BandwidthSchema, 1.5, `${BANDWIDTH} (got 1.5)`],
    ['BandwidthSchema', BandwidthSchema, -1, `${BANDWIDTH} (got -1)`],
    ['BandwidthSchema', BandwidthSchema, Number.POSITIVE_INFINITY, `${BANDWIDTH} (got Infinity)`],
    ['BandwidthSchema', BandwidthSchema, Number.NaN, `${BANDWIDTH} (got NaN)`],
    ['BandwidthSchema', BandwidthSchema, '10', `${BANDWIDTH} (got "10")`],
    ['MaxKeysSchema', MaxKeysSchema, 0, `${MAX_KEYS} (got 0)`],
    ['MaxKeysSchema', MaxKeysSchema, 1001, `${MAX_KEYS} (got 1001)`],
    ['MaxKeysSchema', MaxKeysSchema, 2.5, `${MAX_KEYS} (got 2.5)`],
    ['MaxKeysSchema', MaxKeysSchema, 1000.5, `${MAX_KEYS} (got 1000.5)`],
    ['TextSchema', TextSchema, 'x'.repeat(1025), `must be at most 1024 characters (got "${'x'.repeat(40)}…")`],
    ['TextSchema', TextSchema, 1, 'must be a string (got 1)'],
    ['ClientTokenSchema', ClientTokenSchema, '', `${TOKEN} (got "")`],
    ['ClientTokenSchema', ClientTokenSchema, 'x'.repeat(65), `${TOKEN} (got "${'x'.repeat(40)}…")`],
    ['ClientTokenSchema', ClientTokenSchema, 'a\nb', `${TOKEN} (got "a\\nb")`],
    ['ClientTokenSchema', ClientTokenSchema, 'é', `${TOKEN} (got "é")`],
    ['RegionCodeSchema', RegionCodeSchema, 'b', `${REGION} (got "b")`],
    ['RegionCodeSchema', RegionCodeSchema, 'Bj', `${REGION} (got "Bj")`],
    ['RegionCodeSchema', RegionCodeSchema, '1bj', `${REGION} (got "1bj")`],
    ['RegionCodeSchema', RegionCodeSchema, `a${'b'.repeat(16)}`, `${REGION} (got "a${'b'.repeat(16)}")`],
  ])('%s rejects %o with one problem', (_, schema, value, message) => {
    expect(problemsOf(schema, value)).toEqual([{ path: 'field', message }]);
  });

  it('TagSchema needs a non-empty key and accepts an empty value', () => {
    expect(problemsOf(TagSchema, { tagKey: ' ', tagValue: '' })).toEqual([]);
    expect(problemsOf(TagSchema, { tagKey: '', tagValue: 'v' })).toEqual([
      { path: 'field.tagKey', message: 'must be a non-empty string (got "")' },
    ]);
  });
});

describe('billing defaults', () => {
  const reservation = { reservationLength: 1, reservationTimeUnit: 'Month' };

  it('fill an omitted billing or reservation in, as Python sends them', () => {
    expect(v.parse(CreateBillingSchema, undefined)).toEqual({ paymentTiming: 'Postpaid', reservation });
    expect(v.parse(CreateBillingSchema, { paymentTiming: 'Prepaid' })).toEqual({
      paymentTiming: 'Prepaid',
      reservation,
    });
    expect(v.parse(RenewBillingSchema, undefined)).toEqual({ reservation });
    expect(v.parse(RenewBillingSchema, { reservation: { reservationLength: 12 } })).toEqual({
      reservation: { reservationLength: 12, reservationTimeUnit: 'Month' },
    });
  });

  it('are fresh objects on every parse, so that changing one output cannot change the next', () => {
    const first = v.parse(CreateBillingSchema, undefined);
    first.reservation.reservationLength = 36;
    first.paymentTiming = 'Prepaid';
    const second = v.parse(CreateBillingSchema, undefined);
    expect(second).toEqual({ paymentTiming: 'Postpaid', reservation });
    expect(second.reservation).not.toBe(first.reservation);
    expect(v.parse(RenewBillingSchema, undefined).reservation).not.toBe(
      v.parse(RenewBillingSchema, undefined).reservation,
    );
  });
});
