import fc from 'fast-check';
import { removeTemporaryFolders } from './temporary';

// every test file: the folders it made under the temp folder go when it ends
afterAll(removeTemporaryFolders);

// CI explores the same generated cases on every run, so a red build is the commit's, never the draw's; a local run
// draws new cases each time (REMODEL_FC_SEED replays a draw anywhere)
const seed = process.env.REMODEL_FC_SEED ?? (process.env.CI ? '20261206' : undefined);
if (seed) fc.configureGlobal({ seed: Number(seed) });
