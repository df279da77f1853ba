// remodel: deprecation shim: LegacyCustomer moved out of this module (generated: re-running remodel regenerates it)
import { Customer as LegacyCustomer } from "../db/customer"

export {
  /** @deprecated Use `Customer` from src/db/customer (renamed from LegacyCustomer). */
  LegacyCustomer,
}

export function greet(name: string): string {
  return `hi ${name}`
}
