// the app's own barrel re-exports the lib's (a barrel of a barrel through the alias)
export type { Export } from '@ghostfolio/common/interfaces';
export { ExportService } from './export.service';
