/** The longest delay `setTimeout` honours (2^31 - 1 ms, about 24.8 days); a longer one fires at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/** A BCE `clientToken`: 1 to 64 printable ASCII characters (what the services accept and the emulator checks). */
export const CLIENT_TOKEN_PATTERN: RegExp = /^[\x20-\x7e]{1,64}$/;
