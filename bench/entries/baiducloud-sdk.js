// Baseline: Baidu's official JS SDK. Its package.json `browser` field maps the package to one prebuilt bundle,
// so a browser app gets all of it whatever it imports.
export { Auth, BccClient } from '@baiducloud/sdk';
