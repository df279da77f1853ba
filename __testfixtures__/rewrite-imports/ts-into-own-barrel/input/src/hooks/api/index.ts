export * from "./orders"
export * from "./products"
export { useProduct as useOneProduct } from "./products"
