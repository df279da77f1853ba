export interface Export {
  meta: { date: string; version: string };
  activities: string[];
}
