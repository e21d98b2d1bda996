/** `2013-01-01 – 2015-12-31`, or what there is of it. */
export function periodText(start: string | null, end: string | null) {
  if (!start && !end) return "–";
  return `${start ?? "…"} – ${end ?? "…"}`;
}
