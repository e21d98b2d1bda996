/** `%q%` for ILIKE with the wildcards in q taken literally. */
export function likePattern(q: string) {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const uniqueIds = (ids: readonly string[]) => [...new Set(ids)];
