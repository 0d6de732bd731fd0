import { operationRunner } from '@bcekit/core/operation';

export { parseInput } from '@bcekit/core/operation';

/** Every VPC operation sends through here; VPCs, subnets and route tables live on the VPC (BCC) host of each region. @internal */
export const runOperation = /* @__PURE__ */ operationRunner('bcc.{region}.baidubce.com');
