import type { ExportResponse } from './export-response.interface';
import type { PortfolioSummary } from './portfolio-summary.interface';

export { ExportResponse as Export, PortfolioSummary };
