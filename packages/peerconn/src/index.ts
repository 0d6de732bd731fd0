// @bcekit/peerconn: one export line per operation, then the paginator, the waiter, regions and shared shapes.
// The emulator is a separate entry point (`@bcekit/peerconn/testing`) and is not exported here.

export {
  type ConnectVpcsInput,
  ConnectVpcsInputSchema,
  type ConnectVpcsOutput,
  connectVpcs,
} from './connect/connect-vpcs.ts';
export {
  type DisconnectVpcsInput,
  DisconnectVpcsInputSchema,
  type DisconnectVpcsOutput,
  disconnectVpcs,
} from './connect/disconnect-vpcs.ts';
export type { ConnectStep, Side, WorkflowOptions } from './connect/steps.ts';
export { type AcceptPeerconnInput, AcceptPeerconnInputSchema, acceptPeerconn } from './operations/accept-peerconn.ts';
export {
  type ClosePeerconnDnsSyncInput,
  ClosePeerconnDnsSyncInputSchema,
  closePeerconnDnsSync,
} from './operations/close-peerconn-dns-sync.ts';
export { type CreatePeerconnInput, CreatePeerconnInputSchema, createPeerconn } from './operations/create-peerconn.ts';
export { type DeletePeerconnInput, DeletePeerconnInputSchema, deletePeerconn } from './operations/delete-peerconn.ts';
export { type GetPeerconnInput, GetPeerconnInputSchema, getPeerconn } from './operations/get-peerconn.ts';
export { type HandlePeerconnInput, HandlePeerconnInputSchema, handlePeerconn } from './operations/handle-peerconn.ts';
export { type ListPeerconnsInput, ListPeerconnsInputSchema, listPeerconns } from './operations/list-peerconns.ts';
export {
  type OpenPeerconnDnsSyncInput,
  OpenPeerconnDnsSyncInputSchema,
  openPeerconnDnsSync,
} from './operations/open-peerconn-dns-sync.ts';
export { type RefundPeerconnInput, RefundPeerconnInputSchema, refundPeerconn } from './operations/refund-peerconn.ts';
export { type RejectPeerconnInput, RejectPeerconnInputSchema, rejectPeerconn } from './operations/reject-peerconn.ts';
export { type RenewPeerconnInput, RenewPeerconnInputSchema, renewPeerconn } from './operations/renew-peerconn.ts';
export { type ResizePeerconnInput, ResizePeerconnInputSchema, resizePeerconn } from './operations/resize-peerconn.ts';
export { type UpdatePeerconnInput, UpdatePeerconnInputSchema, updatePeerconn } from './operations/update-peerconn.ts';
export {
  type UpdatePeerconnDeleteProtectInput,
  UpdatePeerconnDeleteProtectInputSchema,
  updatePeerconnDeleteProtect,
} from './operations/update-peerconn-delete-protect.ts';

export {
  type PaginatePeerconnsInput,
  PaginatePeerconnsInputSchema,
  type PeerconnPages,
  paginatePeerconns,
} from './paginate-peerconns.ts';
export { PEERCONN_REGIONS, type PeerconnRegion, peerconnHost } from './regions.ts';
export {
  type Billing,
  CreateBillingSchema,
  type PaymentTiming,
  PaymentTimingSchema,
  RESERVATION_LENGTHS,
  RenewBillingSchema,
  type Reservation,
  ReservationSchema,
} from './schemas/billing.ts';
export {
  BandwidthSchema,
  ClientTokenSchema,
  IdSchema,
  MaxKeysSchema,
  PeerConnIdSchema,
  RegionCodeSchema,
  type Role,
  RoleSchema,
} from './schemas/common.ts';
export type {
  CreatePeerconnOutput,
  DnsStatus,
  KnownDnsStatus,
  KnownPeerConnStatus,
  ListPeerconnsOutput,
  PeerConn,
  PeerConnStatus,
} from './schemas/peerconn.ts';
export { type Tag, TagSchema, TagsSchema } from './schemas/tags.ts';
export {
  TERMINAL_PEERCONN_STATUSES,
  type WaitForPeerconnInput,
  WaitForPeerconnInputSchema,
  waitForPeerconn,
} from './wait-for-peerconn.ts';
