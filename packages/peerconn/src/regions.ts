/** A region where peer connections can be made or reached. */
export interface PeerconnRegion {
  /** Region code, as `createClient({ region })` and `peerRegion` take it. */
  readonly code: string;
  /** English name. */
  readonly name: string;
  /**
   * The VPC API host of the region (`bcc.{code}.baidubce.com`), or `undefined` where Baidu documents
   * none: such regions can be a `peerRegion` but need an explicit `endpoint` to be called.
   */
  readonly host: string | undefined;
}

/**
 * The regions Baidu documents for peer connections: the `peerRegion` values of the Python SDK guide and
 * the VPC hosts of the service-domain pages. Other codes still work as `peerRegion` (anything that looks like a
 * region code); `createClient({ region })` takes the codes with a host (`BCE_REGIONS` of `@bcekit/core`), and any
 * other region is reached with `createClient({ region, endpoint })`.
 *
 * @example
 * for (const { code, name, host } of PEERCONN_REGIONS) console.log(code, name, host ?? '(no public host)');
 */
export const PEERCONN_REGIONS: readonly PeerconnRegion[] = [
  { code: 'bj', name: 'Beijing', host: 'bcc.bj.baidubce.com' },
  { code: 'gz', name: 'Guangzhou', host: 'bcc.gz.baidubce.com' },
  { code: 'su', name: 'Suzhou', host: 'bcc.su.baidubce.com' },
  { code: 'fsh', name: 'Shanghai', host: 'bcc.fsh.baidubce.com' },
  { code: 'hkg', name: 'Hong Kong', host: 'bcc.hkg.baidubce.com' },
  { code: 'bd', name: 'Baoding', host: 'bcc.bd.baidubce.com' },
  { code: 'fwh', name: 'Wuhan', host: 'bcc.fwh.baidubce.com' },
  { code: 'sin', name: 'Singapore', host: 'bcc.sin.baidubce.com' },
  { code: 'cd', name: 'Chengdu', host: 'bcc.cd.baidubce.com' },
  { code: 'hb-fsg', name: 'Du Xiaoman Finance zone', host: undefined },
  { code: 'bjfsg', name: 'Du Xiaoman Finance zone II', host: undefined },
];

/**
 * The VPC API host for a region code: `bcc.{region}.baidubce.com`, the host `createClient({ region })`
 * resolves to for peer connections.
 *
 * @example
 * peerconnHost('gz'); // 'bcc.gz.baidubce.com'
 */
export function peerconnHost(region: string): string {
  return `bcc.${region}.baidubce.com`;
}
