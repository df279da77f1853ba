// a barrel of a barrel
export { ExportResponse, PortfolioSummary } from './api';
export { ExportResponse as LegacyExport } from './api';
