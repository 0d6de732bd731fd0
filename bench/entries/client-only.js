// The client alone, with no operation: what every bcekit app carries (core + signer). A reference row, no target.
export { createClient } from '@bcekit/core';
