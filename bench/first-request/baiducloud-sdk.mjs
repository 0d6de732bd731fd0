// Time to first request, @baiducloud/sdk: import, create a BCC client, send one signed listInstances to the local
// stub at argv[2] (real HTTP).
import sdk from '@baiducloud/sdk';

const client = new sdk.BccClient({
  endpoint: process.argv[2],
  credentials: { ak: 'AKIDBAIDU00000000000000000EXAMPLE', sk: 'baidu-secret-key-fake-00000000000' },
});
const response = await client.listInstances();
console.log(`instances:${response.body.instances.length}`);
