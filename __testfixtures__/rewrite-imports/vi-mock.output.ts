import { vi } from 'vitest';

vi.mock('./db/models/core.js');
vi.doMock('./db/models/identity', async () => ({ Station: class {} }));
const real = await vi.importActual('./db/models/core');
export { real };
