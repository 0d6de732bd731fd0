/** Version of `@bcekit/core`; sent in the `User-Agent` as `bcekit/<version>`. Kept equal to package.json by a test. */
export const VERSION = '0.1.0';
