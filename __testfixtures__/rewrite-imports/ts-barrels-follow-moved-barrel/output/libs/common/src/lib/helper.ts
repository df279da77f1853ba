import { ExportResponse, PortfolioSummary } from './api';

export function summarize(data: ExportResponse, summary: PortfolioSummary): string {
  return `${data.meta.date}: ${data.activities.length} activities, ${summary.cash}`;
}
