import { Export, PortfolioSummary } from './interfaces';

export function summarize(data: Export, summary: PortfolioSummary): string {
  return `${data.meta.date}: ${data.activities.length} activities, ${summary.cash}`;
}
