export const shared = true;
