import type { BceClient, CallOptions, MetadataBearer } from '@bcekit/core';
import { BceError, createClientToken } from '@bcekit/core';
import { ClientTokenSchema, IdSchema } from '@bcekit/core/operation';
import * as v from 'valibot';
import { runOperation } from '../internal/run-operation.ts';
import { cidrVersion } from '../schemas/cidr.ts';
import {
  CidrSchema,
  DescriptionSchema,
  IpVersionSchema,
  type NextHop,
  NextHopSchema,
  type NexthopType,
  NexthopTypeSchema,
} from '../schemas/common.ts';
import type { CreateRouteRuleOutput } from '../schemas/models.ts';

const CreateRouteRuleEntriesSchema = v.object({
  routeTableId: IdSchema,
  sourceAddress: CidrSchema,
  destinationAddress: CidrSchema,
  nexthopType: v.optional(NexthopTypeSchema),
  // May be empty for `defaultGateway` only.
  nexthopId: v.optional(v.string('must be a string')),
  nextHopList: v.optional(
    v.pipe(
      v.array(NextHopSchema, 'must be an array of next hops'),
      v.check((hops) => hops.length > 0, 'must hold at least one next hop'),
    ),
  ),
  description: v.optional(DescriptionSchema),
  ipVersion: v.optional(IpVersionSchema),
  clientToken: v.optional(ClientTokenSchema, createClientToken),
});

type Checked = v.InferOutput<typeof CreateRouteRuleEntriesSchema>;

const given = (value: unknown) => value !== undefined;

// Only two versions that are both known can disagree (a bad CIDR block has its own problem already).
const sameVersion = (a: number | undefined, b: number | undefined) => a === undefined || b === undefined || a === b;

/**
 * Input of {@link createRouteRule}, checked before anything is sent: CIDR notation, and exactly one of a single
 * path (`nexthopType` + `nexthopId`) or a `nextHopList`.
 */
export const CreateRouteRuleInputSchema = v.pipe(
  CreateRouteRuleEntriesSchema,
  v.forward<Checked, v.CheckIssue<Checked>, readonly [string]>(
    v.check(
      (input) => given(input.nexthopType) || given(input.nextHopList),
      'is required: give nexthopType and nexthopId, or nextHopList',
    ),
    ['nexthopType'] as never,
  ),
  v.forward<Checked, v.CheckIssue<Checked>, readonly [string]>(
    v.check(
      (input) => !given(input.nextHopList) || (!given(input.nexthopType) && !given(input.nexthopId)),
      'cannot be combined with nexthopType/nexthopId',
    ),
    ['nextHopList'] as never,
  ),
  v.forward<Checked, v.CheckIssue<Checked>, readonly [string]>(
    v.check(
      (input) =>
        !given(input.nexthopType) || input.nexthopType === 'defaultGateway' || (input.nexthopId ?? '').length > 0,
      'is required with this nexthopType (peerConn: the localIfId, qpif-…)',
    ),
    ['nexthopId'] as never,
  ),
  v.forward<Checked, v.CheckIssue<Checked>, readonly [string]>(
    v.check(
      (input) => sameVersion(cidrVersion(input.sourceAddress), cidrVersion(input.destinationAddress)),
      'must be of the IP version of sourceAddress',
    ),
    ['destinationAddress'] as never,
  ),
  v.forward<Checked, v.CheckIssue<Checked>, readonly [string]>(
    v.check((input) => sameVersion(input.ipVersion, cidrVersion(input.sourceAddress)), 'does not match the addresses'),
    ['ipVersion'] as never,
  ),
);

interface CreateRouteRuleBase {
  /** The route table, `rt-…` (from {@link getRouteTable}). */
  routeTableId: string;
  /** `0.0.0.0/0`, a subnet's CIDR block, or a block inside a subnet of the VPC. */
  sourceAddress: string;
  /** Where the traffic goes; must not overlap the VPC's own CIDR block unless either is `0.0.0.0/0`. */
  destinationAddress: string;
  /** At most 200 characters; sent only when given. */
  description?: string;
  /** `4` or `6`, sent as `"4"`/`"6"` only when given; must match the addresses. */
  ipVersion?: 4 | 6;
  /** Idempotency token, made for you when omitted and kept across retries. */
  clientToken?: string;
}

/**
 * What {@link createRouteRule} accepts: a single-path rule (`nexthopType` + `nexthopId`), or a multi-path rule
 * (`nextHopList` of dedicated gateways), never both.
 */
export type CreateRouteRuleInput = CreateRouteRuleBase &
  (
    | { nexthopType: NexthopType; nexthopId: string; nextHopList?: undefined }
    | { nextHopList: NextHop[]; nexthopType?: undefined; nexthopId?: undefined }
  );

/**
 * Creates a route rule. Sends `POST /v1/route/rule?clientToken=…` with the input (minus `clientToken`) as the
 * JSON body; `description` and `ipVersion` only when given.
 *
 * Service rules: the source is `0.0.0.0/0` or inside a subnet of the VPC; the destination must not overlap the
 * VPC's CIDR block (unless either is `0.0.0.0/0`); no two rules of a table share source and destination. For a
 * `peerConn` next hop, `nexthopId` is the connection's interface on this VPC's side (`localIfId`, `qpif-…`).
 *
 * @param client A client from `createClient` of `@bcekit/core`.
 * @param input The rule to create.
 * @param options Per-call `signal`, `timeout` and `retry`.
 * @returns `{ routeRuleId, routeRuleIds }`: the id, or one id per next hop of a multi-path rule.
 * @throws {BceValidationError} when the input is invalid (e.g. not a CIDR block, no next hop); nothing is sent.
 * @throws {BceServiceError} when the service refuses (e.g. a rule with the same source and destination exists).
 * @throws {BceError} when the service answers without a rule id.
 * @example
 * const { routeRuleId } = await createRouteRule(client, {
 *   routeTableId: 'rt-4fa7kd9qm1xs',
 *   sourceAddress: '0.0.0.0/0',
 *   destinationAddress: '172.17.0.0/16',
 *   nexthopType: 'peerConn',
 *   nexthopId: 'qpif-4n2nm1pwchhz',
 * });
 */
export async function createRouteRule(
  client: BceClient,
  input: CreateRouteRuleInput,
  options?: CallOptions,
): Promise<CreateRouteRuleOutput> {
  let sentToken: string | undefined;
  const output = await runOperation(
    client,
    'createRouteRule',
    CreateRouteRuleInputSchema,
    input,
    options,
    ({ clientToken, ipVersion, ...body }) => {
      sentToken = clientToken;
      const wire = ipVersion === undefined ? body : { ...body, ipVersion: String(ipVersion) };
      return { method: 'POST', path: ['v1', 'route', 'rule'], query: { clientToken }, body: wire };
    },
  );
  const answer = output as MetadataBearer & { routeRuleId?: string; routeRuleIds?: string[] };
  const ids = answer.routeRuleIds ?? (answer.routeRuleId ? [answer.routeRuleId] : []);
  // Without an id the caller could neither use nor delete the rule: say so rather than return undefined.
  if (typeof ids[0] !== 'string' || ids[0] === '') {
    throw new BceError(
      'createRouteRule: the service answered without a routeRuleId; list the table to find the rule',
      // The create may have happened: the token lets the caller retry it safely.
      { operation: 'createRouteRule', clientToken: sentToken },
    );
  }
  return { ...answer, routeRuleId: ids[0], routeRuleIds: ids };
}
