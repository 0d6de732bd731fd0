// Type-level checks of the public shapes (checked by `tsc`; the runtime assertions are trivial).
import type { BceClient, CallOptions, MetadataBearer, ResponseMetadata } from '@bcekit/core';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  CreatePeerconnInput,
  CreatePeerconnOutput,
  DnsStatus,
  ListPeerconnsOutput,
  PeerConn,
  PeerConnStatus,
  WaitForPeerconnInput,
} from '../src/index.ts';
import {
  acceptPeerconn,
  createPeerconn,
  deletePeerconn,
  getPeerconn,
  openPeerconnDnsSync,
  paginatePeerconns,
  refundPeerconn,
  resizePeerconn,
  waitForPeerconn,
} from '../src/index.ts';

describe('public types', () => {
  it('PeerConnStatus and DnsStatus list the known values and still accept new ones', () => {
    expectTypeOf<'active'>().toExtend<PeerConnStatus>();
    expectTypeOf<'a status added next year'>().toExtend<PeerConnStatus>();
    expectTypeOf<'syncing'>().toExtend<DnsStatus>();
    expectTypeOf<PeerConn['status']>().toEqualTypeOf<PeerConnStatus>();
    expectTypeOf<PeerConn['dnsStatus']>().toEqualTypeOf<DnsStatus>();
  });

  it('operations take (client, input, options?) and return the documented shapes', () => {
    expectTypeOf(createPeerconn).parameters.toEqualTypeOf<[BceClient, CreatePeerconnInput, CallOptions?]>();
    expectTypeOf(createPeerconn).returns.resolves.toEqualTypeOf<CreatePeerconnOutput>();
    expectTypeOf<CreatePeerconnOutput>().toEqualTypeOf<{ peerConnId: string; readonly $metadata: ResponseMetadata }>();
    expectTypeOf(getPeerconn).returns.resolves.toEqualTypeOf<PeerConn & MetadataBearer>();
    expectTypeOf(resizePeerconn).returns.resolves.toEqualTypeOf<MetadataBearer>();
    expectTypeOf(paginatePeerconns).returns.toExtend<AsyncIterable<ListPeerconnsOutput>>();
  });

  it('every output carries $metadata, paginator pages and the waiter included', () => {
    expectTypeOf<ListPeerconnsOutput['$metadata']>().toEqualTypeOf<ResponseMetadata>();
    expectTypeOf(waitForPeerconn).returns.resolves.toExtend<MetadataBearer>();
    expectTypeOf<ResponseMetadata>().toEqualTypeOf<{
      readonly requestId: string | undefined;
      readonly httpStatusCode: number;
      readonly attempts: number;
      readonly totalRetryDelay: number;
    }>();
    for (const operation of [acceptPeerconn, deletePeerconn, resizePeerconn, openPeerconnDnsSync, refundPeerconn]) {
      expectTypeOf(operation).returns.resolves.toEqualTypeOf<MetadataBearer>();
    }
  });

  it('enums are closed on input', () => {
    // @ts-expect-error: role must be initiator or acceptor
    const role: NonNullable<Parameters<typeof getPeerconn>[1]['role']> = 'owner';
    // @ts-expect-error: paymentTiming must be Prepaid or Postpaid
    const timing: NonNullable<CreatePeerconnInput['billing']>['paymentTiming'] = 'Monthly';
    // @ts-expect-error: maxWaitTime is required
    const wait: WaitForPeerconnInput = { peerConnId: 'peerconn-1', until: 'active' };
    expectTypeOf([role, timing, wait]).not.toBeNever();
  });

  it('waitForPeerconn waits only for documented statuses', () => {
    const base = { peerConnId: 'peerconn-1', maxWaitTime: 1_000 };
    // @ts-expect-error: 'actve' is not a status
    const misspelt: WaitForPeerconnInput = { ...base, until: 'actve' };
    // @ts-expect-error: not a status either, in an object
    const inObject: WaitForPeerconnInput = { ...base, until: { status: 'actve' } };
    // @ts-expect-error: 'active' is a connection status, not a DNS status
    const dns: WaitForPeerconnInput = { ...base, until: { dnsStatus: 'active' } };
    expectTypeOf([misspelt, inObject, dns]).not.toBeNever();
    expectTypeOf<'consult_failed'>().toExtend<WaitForPeerconnInput['until']>();
    expectTypeOf<{ dnsStatus: 'open' }>().toExtend<WaitForPeerconnInput['until']>();
    expectTypeOf<string>().not.toExtend<WaitForPeerconnInput['until']>();
  });
});
