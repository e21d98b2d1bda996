/**
 * Answers the server put into a first page for the GETs the page makes before it can show
 * (src/server/platform/static.ts, firstPages): the public answers for the login page and the calendar, in a
 * `<script type="application/json">` data block. Each is used once, by the first GET of exactly that URL
 * (src/web/api.ts); every later GET asks the server, so a refetch sees fresh data.
 */
const answers = read();

function read(): Map<string, unknown> {
  const element = typeof document === "undefined" ? null : document.getElementById("samspel-initial-data");
  if (!element?.textContent) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(element.textContent) as Record<string, unknown>));
  } catch {
    return new Map();
  }
}

/** The answer the page came with for this GET, once; `undefined` when there is none (ask the server). */
export function takeInitialAnswer(path: string): { data: unknown } | undefined {
  if (!answers.has(path)) return undefined;
  const data = answers.get(path);
  answers.delete(path);
  return { data };
}
