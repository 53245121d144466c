// The server under load, in its own process (started by harness.ts): the same start-up as
// `redress serve` (configuration from the environment, migrations, policy presets,
// buildServer), listening on a free loopback port. It reports the port to its parent over IPC
// and closes cleanly when told 'stop' (so a --cpu-prof profile is written).
import { openServices } from '../src/composition.ts';
import { loadConfig } from '../src/config.ts';
import { buildServer } from '../src/http/server.ts';

const config = loadConfig();
const runtime = await openServices(config);
const app = await buildServer(runtime);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await app.close();
  await runtime.close();
  process.exit(0);
}
process.on('message', (m) => {
  if (m === 'stop') void stop();
});
process.on('disconnect', () => void stop());
process.send!({ port });
