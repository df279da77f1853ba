import { upper } from "../lib/format"

export class Customer {
  name = upper("c")
}
