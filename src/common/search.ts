import { z } from "zod";

/**
 * One search box across the registers (GET /api/search). Shared by the server route and the web's
 * results page; the web links each kind to its register's detail page (see searchHitPath).
 */
export const searchKinds = ["organisation", "person", "programme", "course", "activity"] as const;
export type SearchKind = (typeof searchKinds)[number];

/** `kinds=organisation,course` (comma-separated, or repeated); empty means every kind. */
const kindList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(",")).map((k) => k.trim()).filter(Boolean),
  )
  .pipe(z.array(z.enum(searchKinds, { error: "validation.search.kindInvalid" })).max(searchKinds.length));

export const searchQuery = z.object({
  q: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(200, { error: "validation.tooLong" }),
  kinds: kindList.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchHit = z
  .object({
    kind: z.enum(searchKinds),
    id: z.string(),
    title: z.string(),
    /** A line that tells similar hits apart: type and county, course code and credits, date … */
    subtitle: z.string().optional(),
  })
  .meta({ id: "SearchHit" });
export type SearchHit = z.infer<typeof searchHit>;

export const searchResult = z.object({ items: z.array(searchHit) }).meta({ id: "SearchResult" });
export type SearchResult = z.infer<typeof searchResult>;

/** The web page of a hit. */
export function searchHitPath(hit: Pick<SearchHit, "kind" | "id">): string {
  const base: Record<SearchKind, string> = {
    organisation: "/register/organisationer",
    person: "/register/personer",
    programme: "/register/program",
    course: "/register/kurser",
    activity: "/aktiviteter",
  };
  return `${base[hit.kind]}/${hit.id}`;
}
