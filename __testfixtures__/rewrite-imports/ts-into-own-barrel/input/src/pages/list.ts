import { useProducts } from "../hooks/api/products"
import { useOrders } from "../hooks/api"

export const rows = [...useProducts(), ...useOrders()]
