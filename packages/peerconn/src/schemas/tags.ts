import * as v from 'valibot';

// Calls marked pure so that bundlers drop the schemas an app does not use (see common.ts).

/** One tag: a non-empty `tagKey` and a `tagValue` (may be empty). */
export const TagSchema = /* @__PURE__ */ v.object(
  {
    tagKey: /* @__PURE__ */ v.pipe(
      /* @__PURE__ */ v.string('must be a non-empty string'),
      /* @__PURE__ */ v.check((key) => key !== '', 'must be a non-empty string'),
    ),
    tagValue: /* @__PURE__ */ v.string('must be a string'),
  },
  'must be an object { tagKey, tagValue }',
);

/** Tags attached on create: `{ tagKey, tagValue }[]`. */
export const TagsSchema = /* @__PURE__ */ v.array(TagSchema, 'must be an array of { tagKey, tagValue }');

/** A tag as it travels on the wire. */
export interface Tag {
  /** Tag key. */
  tagKey: string;
  /** Tag value. */
  tagValue: string;
}
