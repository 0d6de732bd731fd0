/**
 * Region codes with a public VPC API host (`bcc.{region}.baidubce.com`) in Baidu's service-domain pages:
 * Beijing, Guangzhou, Suzhou, Shanghai, Hong Kong, Baoding, Wuhan, Singapore, Chengdu.
 * `createClient({ region })` takes exactly these; any other region is reached with `endpoint`.
 */
export type BceRegion = 'bj' | 'gz' | 'su' | 'fsh' | 'hkg' | 'bd' | 'fwh' | 'sin' | 'cd';

/**
 * Every {@link BceRegion}, in the order Baidu lists them.
 *
 * @example
 * if (!BCE_REGIONS.includes(code as BceRegion)) console.log(`pass endpoint for ${code}`);
 */
export const BCE_REGIONS: readonly BceRegion[] = Object.freeze([
  'bj',
  'gz',
  'su',
  'fsh',
  'hkg',
  'bd',
  'fwh',
  'sin',
  'cd',
] as const);

/**
 * The host of the VPC API (peer connections, VPCs, subnets, route tables) in a region: what `client.config.endpoint`
 * shows for a region client.
 *
 * @internal
 */
export const VPC_HOST_TEMPLATE = 'bcc.{region}.baidubce.com';
