/// <reference path="./legacy/globals.d.ts" />
export const kind = LEGACY;
