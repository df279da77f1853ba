export * from './booking';
export * from './station';
