export { bus as default } from "#utl/bus.mjs";
