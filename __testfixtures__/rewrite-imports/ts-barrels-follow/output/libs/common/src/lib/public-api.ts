// a barrel of a barrel
export { ExportResponse, PortfolioSummary } from './interfaces';
export { ExportResponse as LegacyExport } from './interfaces';
