// a barrel that already exports the new name (the same object) next to the old one
export { Export } from './interfaces/export.interface';
export { ExportResponse } from './interfaces/export-response.interface';
