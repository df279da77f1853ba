// a star barrel over the old module
export * from './interfaces/export.interface';
