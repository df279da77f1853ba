const UserStationAssignment = jest.fn();

jest.mock('@/db/models/identity', () => {
  const actual = jest.requireActual('@/models/station');
  return { ...actual, 'StationUser': jest.fn(), other: 1 };
});
vi.mock('@/db/models/identity', function () {
  return { StationUser: UserStationAssignment };
});
jest.mock('@/db/models/identity', () => makeMock());
