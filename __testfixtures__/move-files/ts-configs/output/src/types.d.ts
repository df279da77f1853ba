/// <reference path="./archive/globals.d.ts" />
export const kind = LEGACY;
