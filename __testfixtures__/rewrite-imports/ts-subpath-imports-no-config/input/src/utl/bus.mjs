export const bus = { emit() {} };
export const OFF = -1;
