import * as v from 'valibot';

// Calls marked pure so that bundlers drop the schemas an app does not use (see common.ts).

// Python's Billing model always carries a reservation of 1 Month, even for Postpaid; we send the same bytes so
// that a call made through bcekit is the call the official SDK makes. An omitted object defaults to `{}`, which
// its own fields' defaults then fill in (a fresh output object on every parse).

/** `Prepaid` (pay ahead for a reservation) or `Postpaid` (pay as you go). */
export const PaymentTimingSchema = /* @__PURE__ */ v.picklist(
  ['Prepaid', 'Postpaid'],
  'must be "Prepaid" or "Postpaid"',
);

/** `Prepaid` or `Postpaid`. */
export type PaymentTiming = v.InferOutput<typeof PaymentTimingSchema>;

/** Reservation lengths the service sells, in months. */
export const RESERVATION_LENGTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36] as const;

/**
 * A prepaid reservation. Both fields default like the Python SDK (1, `Month`). The unit is sent as
 * written: `Month` (Python, Java) and `month` (Go, Terraform) are both in use.
 */
export const ReservationSchema = /* @__PURE__ */ v.object(
  {
    reservationLength: /* @__PURE__ */ v.optional(
      /* @__PURE__ */ v.picklist(RESERVATION_LENGTHS, 'must be one of 1-9, 12, 24, 36 (months)'),
      1,
    ),
    reservationTimeUnit: /* @__PURE__ */ v.optional(
      /* @__PURE__ */ v.picklist(['Month', 'month'], 'must be "Month"'),
      'Month',
    ),
  },
  'must be an object { reservationLength, reservationTimeUnit }',
);

/** Billing of {@link createPeerconn}: defaults to `Postpaid` with a 1 Month reservation, as Python sends. */
export const CreateBillingSchema = /* @__PURE__ */ v.optional(
  /* @__PURE__ */ v.object(
    {
      paymentTiming: /* @__PURE__ */ v.optional(PaymentTimingSchema, 'Postpaid'),
      reservation: /* @__PURE__ */ v.optional(ReservationSchema, {}),
    },
    'must be an object { paymentTiming?, reservation? }',
  ),
  {},
);

/** Billing of {@link renewPeerconn}: defaults to a 1 Month reservation; `paymentTiming` only when given. */
export const RenewBillingSchema = /* @__PURE__ */ v.optional(
  /* @__PURE__ */ v.object(
    {
      paymentTiming: /* @__PURE__ */ v.optional(PaymentTimingSchema),
      reservation: /* @__PURE__ */ v.optional(ReservationSchema, {}),
    },
    'must be an object { paymentTiming?, reservation? }',
  ),
  {},
);

/** Billing as it travels on the wire. */
export interface Billing {
  /** `Prepaid` or `Postpaid`. */
  paymentTiming?: PaymentTiming | undefined;
  /** The reservation bought; Python always sends one, even for `Postpaid`. */
  reservation?: Reservation | undefined;
}

/** A reservation as it travels on the wire. */
export interface Reservation {
  /** Months: 1-9, 12, 24 or 36. */
  reservationLength: number;
  /** `Month` (Go writes `month`). */
  reservationTimeUnit: string;
}
