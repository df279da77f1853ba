// a star barrel over the old module
export * from './interfaces/export-response.interface';
export { type ExportResponse as Export } from './interfaces/export-response.interface';
