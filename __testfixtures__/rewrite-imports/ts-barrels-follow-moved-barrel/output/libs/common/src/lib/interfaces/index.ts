import type { Export } from './export.interface';
import type { PortfolioSummary } from './portfolio-summary.interface';

export { Export, PortfolioSummary };
