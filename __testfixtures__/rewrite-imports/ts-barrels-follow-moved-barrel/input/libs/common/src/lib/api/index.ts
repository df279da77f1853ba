export type { ExportResponse } from '../interfaces/export-response.interface';
export type { PortfolioSummary } from '../interfaces/portfolio-summary.interface';
