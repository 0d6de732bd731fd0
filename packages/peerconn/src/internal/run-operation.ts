import { operationRunner } from '@bcekit/core/operation';

export { parseInput } from '@bcekit/core/operation';

/** Every peer-connection operation sends through here; they live on the VPC (BCC) host of each region. @internal */
export const runOperation = /* @__PURE__ */ operationRunner('bcc.{region}.baidubce.com');
