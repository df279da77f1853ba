import { vi } from 'vitest';

vi.mock('./models/booking.js');
vi.doMock('./models/station', async () => ({ Station: class {} }));
const real = await vi.importActual('./models/booking');
export { real };
