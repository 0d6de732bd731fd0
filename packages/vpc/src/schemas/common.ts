import { IdSchema } from '@bcekit/core/operation';
import * as v from 'valibot';
import { cidrVersion } from './cidr.ts';

// Every valibot call is marked pure, and every rule past the type is one `v.check` predicate: the reasons are in
// @bcekit/core/operation's schemas (esbuild keeps unmarked calls; each distinct valibot action costs bundle size).
// The wording of every VPC rule lives here; the runner adds the function name, the field path and "(got …)".

const CIDR_MESSAGE = 'must be an IPv4 or IPv6 CIDR block such as "192.168.0.0/16" or "2400:da00::/32"';

/**
 * A CIDR block in IPv4 (`192.168.0.0/16`) or IPv6 (`2400:da00::/32`) notation, with its prefix length. Checked
 * before anything is sent; whether the block fits the VPC is the service's rule.
 */
export const CidrSchema = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.string(CIDR_MESSAGE),
  /* @__PURE__ */ v.check((cidr) => cidrVersion(cidr) !== undefined, CIDR_MESSAGE),
);

/** The IP version of a route rule: `4` or `6` (sent as the string `"4"`/`"6"`, as Baidu's Python SDK does). */
export const IpVersionSchema = /* @__PURE__ */ v.picklist([4, 6], 'must be 4 or 6');

/** `4` or `6`. */
export type IpVersion = v.InferOutput<typeof IpVersionSchema>;

const NEXTHOP_TYPES = [
  'custom',
  'vpn',
  'nat',
  'dcGateway',
  'peerConn',
  'ipv6gateway',
  'enic',
  'havip',
  'defaultGateway',
] as const;

/**
 * Where a single-path route rule sends traffic. `peerConn` routes to a peer connection: its next hop id is the
 * connection's interface on this VPC's side (`localIfId`, `qpif-…`), not the `peerconn-…` id.
 */
export const NexthopTypeSchema = /* @__PURE__ */ v.picklist(
  NEXTHOP_TYPES,
  /* @__PURE__ */ `must be one of ${NEXTHOP_TYPES.join(', ')} (case-sensitive)`,
);

/**
 * The next-hop types a rule can be created with: `custom` (a BCC instance), `vpn`, `nat`, `dcGateway` (a dedicated
 * gateway), `peerConn`, `ipv6gateway`, `enic` (an elastic network interface), `havip`, `defaultGateway`.
 */
export type NexthopType = v.InferOutput<typeof NexthopTypeSchema>;

/** One path of a multi-path rule: a dedicated gateway, load-balanced (`ecmp`) or active/standby. */
export const NextHopSchema = /* @__PURE__ */ v.object({
  nexthopType: /* @__PURE__ */ v.picklist(
    ['dcGateway'],
    'must be "dcGateway" (multi-path rules go through dedicated gateways)',
  ),
  nexthopId: IdSchema,
  pathType: /* @__PURE__ */ v.picklist(
    ['ecmp', 'ha:active', 'ha:standby'],
    'must be "ecmp", "ha:active" or "ha:standby"',
  ),
});

/** One path of a multi-path rule, e.g. `{ nexthopType: 'dcGateway', nexthopId: 'dcgw-…', pathType: 'ha:active' }`. */
export type NextHop = v.InferOutput<typeof NextHopSchema>;

/** A description: at most 200 characters (the service's limit). */
export const DescriptionSchema = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.string('must be a string'),
  /* @__PURE__ */ v.check((text) => text.length <= 200, 'must be at most 200 characters'),
);

/**
 * A list of ids sent comma-joined (`vpcIds`, `subnetIds`): at least one, none empty or holding `,` or `/`.
 */
export const IdListSchema = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.array(
    /* @__PURE__ */ v.pipe(
      IdSchema,
      /* @__PURE__ */ v.check((id) => !id.includes(','), 'must not contain "," (ids are sent comma-joined)'),
    ),
    'must be an array of ids',
  ),
  /* @__PURE__ */ v.check((ids) => ids.length > 0, 'must hold at least one id (leave it out to list all)'),
);

/** A filter value sent as given (a zone name such as `cn-bj-d`, a subnet type such as `BCC`): not empty. */
export const FilterSchema = /* @__PURE__ */ v.pipe(
  /* @__PURE__ */ v.string('must be a non-empty string'),
  /* @__PURE__ */ v.check((text) => text.length > 0 && text.length <= 256, 'must be 1 to 256 characters'),
);

/** The table ids of `getRouteTable`, `listRouteRules` and `paginateRouteRules`, before the one-of rule. @internal */
export const tableIdEntries = {
  vpcId: /* @__PURE__ */ v.optional(IdSchema),
  routeTableId: /* @__PURE__ */ v.optional(IdSchema),
};

type TableIds = Record<string, unknown> & { vpcId?: string | undefined; routeTableId?: string | undefined };

/**
 * The rule of `getRouteTable`, `listRouteRules` and `paginateRouteRules`: exactly one of `vpcId` and
 * `routeTableId`, so that the one id given is the one sent (the service documents the two as either/or).
 * @internal
 */
export function oneTableId<T extends TableIds>(): readonly [
  v.BaseValidation<T, T, v.CheckIssue<T>>,
  v.BaseValidation<T, T, v.CheckIssue<T>>,
] {
  return [
    /* @__PURE__ */ v.forward<T, v.CheckIssue<T>, readonly [string]>(
      /* @__PURE__ */ v.check(
        (input: T) => input.vpcId !== undefined || input.routeTableId !== undefined,
        'is required: give vpcId or routeTableId (one of them)',
      ),
      ['vpcId'] as never,
    ),
    /* @__PURE__ */ v.forward<T, v.CheckIssue<T>, readonly [string]>(
      /* @__PURE__ */ v.check(
        (input: T) => input.vpcId === undefined || input.routeTableId === undefined,
        'cannot be given with vpcId: give one of them',
      ),
      ['routeTableId'] as never,
    ),
  ] as const;
}

/** One of the two ids that name a route table: the VPC's (its default table) or the table's own. */
export type TableId = { vpcId: string; routeTableId?: undefined } | { routeTableId: string; vpcId?: undefined };
