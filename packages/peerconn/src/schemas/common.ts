import { ClientTokenSchema, IdSchema, MarkerSchema, MaxKeysSchema } from '@bcekit/core/operation';
import * as v from 'valibot';

// The BCE-wide fields (ids, clientToken, marker, maxKeys) are defined once in @bcekit/core/operation.
export { ClientTokenSchema, IdSchema, MarkerSchema, MaxKeysSchema };

// Every valibot call is marked pure: valibot's own @__NO_SIDE_EFFECTS__ marks are not followed across modules by
// esbuild 0.27, which then kept schemas an app never uses (RoleSchema, MaxKeysSchema…) in its bundle.
//
// Every rule past the type is one `v.check` predicate rather than valibot's specific actions (minLength, regex,
// integer, minValue…): each distinct valibot function is code in every app's bundle, and the messages are ours
// anyway, so one predicate per rule gives the same issues at a smaller size (BENCHMARKS.md, size of create-only).
//
// The wording of every peer-connection rule lives here; run-operation adds the function name, the field path and
// "(got …)" so that a message reads `resizePeerconn: newBandwidthInMbps must be an integer >= 1 (got 0)`.

/** The id of a peer connection, e.g. `peerconn-9td54fmx143e`. */
export const PeerConnIdSchema = IdSchema;

/** Which end of a peer connection a call speaks for. */
export const RoleSchema = /* @__PURE__ */ v.picklist(['initiator', 'acceptor'], 'must be "initiator" or "acceptor"');

/** `initiator` or `acceptor`. */
export type Role = v.InferOutput<typeof RoleSchema>;

/**
 * A region code such as `bj`, `gz`, `su`, `hkg`. Codes not in {@link PEERCONN_REGIONS} pass when they look
 * like one, so a region Baidu opens tomorrow needs no release.
 */
export const RegionCodeSchema = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.string('must be a region code such as "bj" or "gz"'),
  /* @__PURE__ */ v.check(
    (region) => /^[a-z][a-z0-9-]{1,15}$/.test(region),
    'must be a region code such as "bj" or "gz" (lower-case letters, digits, "-")',
  ),
);

/** Bandwidth in Mbps: an integer of at least 1 (the service documents no upper bound). */
export const BandwidthSchema = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.number('must be an integer >= 1'),
  /* @__PURE__ */ v.check((n) => Number.isInteger(n) && n >= 1, 'must be an integer >= 1'),
);

/**
 * A free-text field sent as given (description, interface names, account ids). The service documents no limit;
 * 1024 is a generous bound that stops a runaway string before it is sent.
 */
export const TextSchema = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.string('must be a string'),
  /* @__PURE__ */ v.check((text) => text.length <= 1024, 'must be at most 1024 characters'),
);
