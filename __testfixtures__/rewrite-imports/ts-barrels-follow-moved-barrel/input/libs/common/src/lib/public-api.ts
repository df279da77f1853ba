// a barrel of a barrel
export { Export, PortfolioSummary } from './interfaces';
export { Export as LegacyExport } from './interfaces';
