export const setup = true;
