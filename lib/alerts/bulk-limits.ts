// 批量处置's limit, shared by the API's schema and the wall's tick boxes: one transaction stays short.
export const MAX_BULK_ALERTS = 500;
