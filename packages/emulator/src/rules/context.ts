import type { EmulatorState } from '../state.ts';

/** What an operation sees of a verified request. @internal */
export interface OperationContext {
  state: EmulatorState;
  /** Service time, ms. */
  now: number;
  /** The calling account (from the access key). */
  accountId: string;
  /** The `{id}` path segment of a peer connection route, decoded (`''` for other routes). */
  peerConnId: string;
  /** The `{id}` path segment of any route (peer connection, VPC, subnet, route rule), decoded; `''` when none. */
  resourceId: string;
  /** Decoded query; flags (`?accept`) have the value `''`. */
  query: Record<string, string>;
  /** Parsed JSON body; `undefined` when there was none. */
  body: unknown;
  /** Region named by the host (`bcc.{region}.baidubce.com`); undefined for other hosts such as 127.0.0.1. */
  hostRegion: string | undefined;
}

/** What an operation answers: 200 with this JSON body, or an empty body when `undefined`. @internal */
export type OperationResult = Record<string, unknown> | undefined;
