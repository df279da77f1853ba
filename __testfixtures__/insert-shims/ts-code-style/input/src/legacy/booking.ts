// A file in the style of prettier's `singleQuote: false, semi: false`.
import { upper } from "../lib/format"

export class Booking {
  code = upper("b")
}
