// @bcekit/core/operation: the request plumbing the service packages (@bcekit/peerconn, @bcekit/vpc) share —
// input parsing into BceValidationError, one clientToken per call, the paginator loop — and the schemas of
// BCE-wide fields. It names no service; each package passes its own host. A separate entry point, so that an
// app that imports only `@bcekit/core` does not load valibot.

export { CLIENT_TOKEN_PATTERN, MAX_TIMER_MS } from '../limits.ts';
export { sleep } from '../retry/sleep.ts';
export { type PageInfo, type Pages, type PageWalk, paginate } from './paginate.ts';
export { parseInput, toProblems } from './parse-input.ts';
export { type OperationRequest, operationRunner, type RunOperation } from './run-operation.ts';
export { ClientTokenSchema, IdSchema, MarkerSchema, MaxKeysSchema } from './schemas.ts';
