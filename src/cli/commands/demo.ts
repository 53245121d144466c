// redress demo [--reset] — loads the demo data into an empty database, or (--reset) wipes
// complaints, customers, users and departments and loads it again.
import { parseArgs } from 'node:util';
import { hasDemoUsers, loadDemo } from '../../app/demo/load-demo.ts';
import { countUsers } from '../../db/repositories/users.ts';
import { CliError } from '../cli-error.ts';
import { withServices } from '../runtime.ts';

const USAGE = 'usage: redress demo [--reset]';

export async function run(args: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { reset: { type: 'boolean', default: false }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new CliError(`${(err as Error).message}; ${USAGE}`, 2);
  }
  if (values.help) {
    console.log(
      `${USAGE}\n\nLoads demo departments, staff accounts and about 300 complaints under the seed\npolicies. Without --reset it only loads into a database that has no users yet;\n--reset first removes all complaints, customers, users and departments.`,
    );
    return;
  }
  await withServices(async (services) => {
    if (!values.reset && (await countUsers(services.db)) > 0) {
      console.log(
        (await hasDemoUsers(services.db))
          ? 'Demo data is already loaded; nothing done. `redress demo --reset` wipes it and loads it again.'
          : 'The database already has users (real data?); nothing done. `redress demo --reset` would delete them, with every complaint.',
      );
      return;
    }
    try {
      await loadDemo(services, (line) => console.log(line), { reset: values.reset });
    } catch (err) {
      throw new CliError(
        `loading the demo failed: ${(err as Error).message}; \`redress demo --reset\` starts again from an empty database`,
      );
    }
  });
}
