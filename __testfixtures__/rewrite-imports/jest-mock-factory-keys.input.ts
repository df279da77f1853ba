const UserStationAssignment = jest.fn();

jest.mock('@/models/station', () => {
  const actual = jest.requireActual('@/models/station');
  return { ...actual, 'UserStationAssignment': jest.fn(), other: 1 };
});
vi.mock('@/models/station', function () {
  return { UserStationAssignment };
});
jest.mock('@/models/station', () => makeMock());
