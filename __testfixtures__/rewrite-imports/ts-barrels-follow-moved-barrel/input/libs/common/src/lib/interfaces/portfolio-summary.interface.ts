export interface PortfolioSummary {
  cash: number;
}
