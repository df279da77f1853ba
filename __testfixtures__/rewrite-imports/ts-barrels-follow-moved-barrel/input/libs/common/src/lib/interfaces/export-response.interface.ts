export interface ExportResponse {
  meta: { date: string; version: string };
  activities: string[];
}
