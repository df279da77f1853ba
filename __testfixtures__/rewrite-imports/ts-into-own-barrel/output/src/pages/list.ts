import { useOrders, useProducts } from "../hooks/api"

export const rows = [...useProducts(), ...useOrders()]
