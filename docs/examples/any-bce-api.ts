import { type BceClient, createClientToken, signedFetch } from '@bcekit/core';

/** A security group rule as BCC takes it (`SecurityGroupRuleModel`). */
export interface SecurityGroupRule {
  direction: 'ingress' | 'egress';
  protocol?: 'tcp' | 'udp' | 'icmp';
  portRange?: string;
  sourceIp?: string;
  remark?: string;
}

/** One EIP as `GET /v1/eip` lists it (the fields used here). */
export interface Eip {
  eip: string;
  status: string;
  bandwidthInMbps: number;
}

/** A BCE error answer, `{ code, message, requestId }`, as an Error. */
async function failure(what: string, response: Response): Promise<Error> {
  const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string; requestId?: string };
  return new Error(`${what}: ${response.status} ${body.code ?? ''} ${body.message ?? ''} (${body.requestId ?? '-'})`);
}

/**
 * Opens a port in a security group (BCC `authorizeRule`). A path goes to the client's endpoint, which for a
 * region client is the BCC host `bcc.{region}.baidubce.com`. The clientToken makes the PUT safe to retry.
 */
export async function authorizeRule(client: BceClient, securityGroupId: string, rule: SecurityGroupRule) {
  const path = `/v2/securityGroup/${encodeURIComponent(securityGroupId)}`;
  const response = await signedFetch(client, `${path}?authorizeRule&clientToken=${createClientToken()}`, {
    method: 'PUT',
    body: JSON.stringify({ rule }),
  });
  if (!response.ok) throw await failure('authorizeRule', response);
}

/** Every EIP of a region, page by page, from the EIP service's own host. */
export async function listEips(client: BceClient, eipOrigin = 'https://eip.bj.baidubce.com'): Promise<Eip[]> {
  const eips: Eip[] = [];
  let marker: string | undefined;
  do {
    const url = new URL('/v1/eip', eipOrigin);
    url.searchParams.set('maxKeys', '100');
    if (marker) url.searchParams.set('marker', marker);
    const response = await signedFetch(client, url);
    if (!response.ok) throw await failure('listEips', response);
    const page = (await response.json()) as { eipList: Eip[]; isTruncated: boolean; nextMarker?: string };
    eips.push(...page.eipList);
    marker = page.isTruncated ? page.nextMarker : undefined;
  } while (marker);
  return eips;
}
