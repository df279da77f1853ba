import type * as Cli from './index';
import type * as PlanPoolTask from '../plan/pool-task';

/**
 * The entry of the CLI's bundle (`scripts/bundle-cli.js`): the command line for `bin/remodel`, and the plan's pool
 * task for its worker threads, so that a worker loads the one module the main thread has loaded (and compiled into the
 * compile cache) instead of the ~300 modules tsc wrote. Each half is evaluated on first use: a worker loads no yargs.
 */
export const run: typeof Cli.run = (...args) => (require('./index') as typeof Cli).run(...args);

export const planPoolTask: typeof PlanPoolTask = {
  open: (init) => (require('../plan/pool-task') as typeof PlanPoolTask).open(init),
  run: (state, chunk) => (require('../plan/pool-task') as typeof PlanPoolTask).run(state, chunk),
};
