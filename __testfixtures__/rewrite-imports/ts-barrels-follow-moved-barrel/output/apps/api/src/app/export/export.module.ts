// the app's own barrel re-exports the lib's (a barrel of a barrel through the alias)
export type { ExportResponse } from '@ghostfolio/common/api';
export { ExportService } from './export.service';
