export const useProducts = () => ["product"]
export const useProduct = (id: string) => id
