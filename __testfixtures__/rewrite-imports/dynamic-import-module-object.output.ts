export async function load() {
  const mod = await import('./models/station');
  return new mod.UserStationAssignment();
}

export const later = import('./models/station').then((m) => new m.UserStationAssignment());

export async function direct() {
  return (await import('./db/models/identity')).StationUser;
}
