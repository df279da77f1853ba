/** The words every generated shim carries (as a comment), in any language: how a re-run knows a path is a shim. */
export const shimMarkerText = 'remodel: deprecation shim';
