import { upper } from "../lib/format"

export class LegacyCustomer {
  name = upper("c")
}

export function greet(name: string): string {
  return `hi ${name}`
}
