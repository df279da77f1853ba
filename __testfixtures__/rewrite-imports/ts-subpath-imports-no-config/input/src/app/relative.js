import { bus } from "../utl/bus.mjs";

export const relay = () => bus.emit();
