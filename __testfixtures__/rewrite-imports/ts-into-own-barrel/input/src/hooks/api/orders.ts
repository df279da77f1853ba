export const useOrders = () => ["order"]
