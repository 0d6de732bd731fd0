/**
 * Every error code the emulator answers with, its HTTP status and when. `fail(code, message)` takes the status
 * from here, so a code always answers with one status. BCE publishes no peer-connection-, route-, VPC- or
 * subnet-specific codes, so the rule codes are the emulator's own; the auth and JSON codes are BCE's.
 */
export const ERROR_CODES = {
  InvalidHTTPAuthHeader: {
    status: 400,
    when: 'Authorization missing or not bce-auth-v1/{ak}/{time}/{exp}/{headers}/{sig}',
  },
  InvalidAccessKeyId: { status: 403, when: 'the access key is unknown' },
  RequestExpired: {
    status: 400,
    when: 'the auth timestamp is > 15 min ahead of the server or older than its expiration',
  },
  InvalidSecurityToken: {
    status: 403,
    when: 'a temporary key without its signed x-bce-security-token, or a wrong one',
  },
  SignatureDoesNotMatch: {
    status: 403,
    when: 'wrong signature, or a body whose length differs from a signed content-length',
  },
  BadDigest: { status: 400, when: 'Content-MD5 does not match the body' },
  MalformedJSON: { status: 400, when: 'the body is not JSON' },
  RequestEntityTooLarge: { status: 413, when: 'a signed request whose body is over 1 MiB (it is not read further)' },
  InappropriateJSON: { status: 400, when: 'the body is not an object, or a required field is missing' },
  InvalidParameterValue: {
    status: 400,
    when: 'a field or query value has the wrong type or range (maxKeys, role, marker, clientToken …)',
  },
  InvalidURI: { status: 400, when: 'no such path' },
  MethodNotAllowed: { status: 405, when: 'the path exists but not for this method' },
  IdempotentParameterMismatch: {
    status: 409,
    when: 'a clientToken reused (same account and operation) with other parameters',
  },
  NoSuchObject: {
    status: 404,
    when: 'no peer connection, VPC, subnet, route table or route rule with that id in the caller’s account',
  },
  NoSuchVpc: {
    status: 404,
    when: 'create: local VPC not the caller’s (or not in the endpoint region), or peer VPC not in peerRegion of peerAccountId (or the caller)',
  },
  SameVpcNotAllowed: { status: 400, when: 'create: localVpcId equals peerVpcId' },
  PeerConnAlreadyExists: { status: 409, when: 'create: the two VPCs are already peered (either direction)' },
  QuotaExceeded: {
    status: 400,
    when: 'create: a VPC, or the account of either end, already has 10 peer connections (quotaPerVpc, quotaPerUser)',
  },
  SameRegionPostpaidOnly: { status: 400, when: 'create: Prepaid for a same-region connection' },
  AcceptorOnly: { status: 403, when: 'accept/reject by an account other than the acceptor' },
  InitiatorOnly: {
    status: 403,
    when: 'resize/renew/delete/refund/deleteProtect of a cross-account connection by the acceptor',
  },
  InvalidPeerConnStatus: {
    status: 409,
    when: 'the connection is not in a status that allows the action (e.g. accept outside consulting, DNS sync when not active)',
  },
  InvalidDnsStatus: { status: 409, when: 'DNS open/close while syncing/closing, or already in the wanted state' },
  AccessDenied: { status: 403, when: 'role names a side of the connection that is not the caller’s' },
  PostpaidCannotRenew: { status: 400, when: 'renew of a postpaid connection' },
  PostpaidCannotRefund: { status: 400, when: 'refund of a postpaid connection' },
  CrossBorderCannotRefund: {
    status: 400,
    when: 'refund of a cross-border connection (mainland China to hkg or sin, or hkg to sin)',
  },
  PrepaidDowngradeNotAllowed: { status: 400, when: 'resize of a prepaid connection to less bandwidth' },
  PrepaidNotReleasable: { status: 409, when: 'delete of an active, unexpired prepaid connection (refund it instead)' },
  DeleteProtected: { status: 403, when: 'delete or refund while deleteProtect is on' },
  RouteSourceNotInSubnet: {
    status: 400,
    when: 'route rule: sourceAddress is neither 0.0.0.0/0 (::/0) nor inside a subnet of the table’s VPC',
  },
  RouteDestinationOverlapsVpc: {
    status: 400,
    when: 'route rule: destinationAddress overlaps the VPC’s own CIDR (and neither is 0.0.0.0/0)',
  },
  RouteRuleAlreadyExists: {
    status: 409,
    when: 'route rule: another rule of the table has the same sourceAddress and destinationAddress',
  },
  InvalidNexthop: {
    status: 400,
    when: 'route rule: nexthopType sys or unknown, nexthopId missing, or a peerConn next hop that is not the localIfId of a connection on this VPC’s side',
  },
  MultiPathRuleNotUpdatable: { status: 400, when: 'update of a multi-path (nextHopList) route rule' },
  RouteRuleNotHaActive: {
    status: 400,
    when: 'HA switch of a rule that is not the ha:active rule of an active/standby route',
  },
  PeerConnInUse: {
    status: 409,
    when: 'delete/refund of a peer connection that route rules still use as next hop (option peerConnRoutes: refuse, the default)',
  },
  InternalError: { status: 500, when: 'an emulator bug (or an injected fault)' },
} as const satisfies Record<string, { status: number; when: string }>;

/** A code of {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;
