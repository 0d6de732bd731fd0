import * as v from 'valibot';
import { CLIENT_TOKEN_PATTERN } from '../limits.ts';

// Every valibot call is marked pure: valibot's own @__NO_SIDE_EFFECTS__ marks are not followed across modules by
// esbuild 0.27, which then kept schemas an app never uses in its bundle. Every rule past the type is one `v.check`
// predicate rather than valibot's specific actions: each distinct valibot function is code in every app's bundle,
// and the messages are ours anyway (BENCHMARKS.md, size of create-only).

/** A string with one rule past its type (explicit, so that JSR sees no inferred types). */
type StringRule = v.SchemaWithPipe<readonly [v.StringSchema<string>, v.CheckAction<string, string>]>;

const ID_MESSAGE = 'must be a non-empty id without "/"';

/**
 * A resource id (`peerconn-…`, `vpc-…`, `rr-…`). Ids become path segments, so an empty id, one with `/`, or
 * `.`/`..` could change which resource a request addresses (an empty id would turn a get into a list call):
 * all are rejected before anything is sent.
 */
export const IdSchema: StringRule = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.string(ID_MESSAGE),
  /* @__PURE__ */ v.check((id) => /^[^/]+$/.test(id) && id !== '.' && id !== '..', ID_MESSAGE),
);

/**
 * Idempotency token of BCE's mutating calls: 1 to 64 printable ASCII characters. Operations make one (UUID v4)
 * when it is omitted, as the default of their `v.optional(ClientTokenSchema, createClientToken)` field, and send
 * the same token on every retry of a call.
 */
export const ClientTokenSchema: StringRule = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.string('must be a string of 1 to 64 printable ASCII characters'),
  /* @__PURE__ */ v.check((token) => CLIENT_TOKEN_PATTERN.test(token), 'must be 1 to 64 printable ASCII characters'),
);

/** Page size of a BCE list call: an integer from 1 to 1000 (the services' default and maximum is 1000). */
export const MaxKeysSchema: v.SchemaWithPipe<readonly [v.NumberSchema<string>, v.CheckAction<number, string>]> =
  /* @__PURE__ */ v.pipe(
    /* @__PURE__ */ v.number('must be an integer from 1 to 1000'),
    /* @__PURE__ */ v.check((n) => Number.isInteger(n) && n >= 1 && n <= 1000, 'must be an integer from 1 to 1000'),
  );

/** Where a page of a list starts: the `nextMarker` of the previous page (`''` or omitted: the first page). */
export const MarkerSchema: v.StringSchema<string> = /* @__PURE__ */ v.string(
  'must be a string (a nextMarker from a previous page)',
);
