// Shared shapes, importable without pulling in any operation (the emulator uses them too).
export type { Billing, PaymentTiming, Reservation } from './schemas/billing.ts';
export type { Role } from './schemas/common.ts';
export type {
  CreatePeerconnOutput,
  DnsStatus,
  ListPeerconnsOutput,
  PeerConn,
  PeerConnStatus,
} from './schemas/peerconn.ts';
export type { Tag } from './schemas/tags.ts';
