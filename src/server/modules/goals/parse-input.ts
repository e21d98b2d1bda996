export const uniqueIds = (ids: readonly string[]) => [...new Set(ids)];
