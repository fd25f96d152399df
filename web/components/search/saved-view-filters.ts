// What a saved view does to a list (issue 21): its filters narrowed to those the list knows
// today (a filter the list dropped is left out, not an error), and the current filters of the
// list, ready to save. Pure.

/** The view's filters the list knows, and the names of those it no longer does. */
export function applicableFilters(
  filters: Record<string, string>,
  known: readonly string[],
): { apply: Record<string, string>; dropped: string[] } {
  const apply: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(filters))
    if (known.includes(name)) apply[name] = value;
    else dropped.push(name);
  return { apply, dropped };
}

/** The list's filters in the query string now: known names with a value. */
export function currentFilters(
  params: Record<string, string>,
  known: readonly string[],
): Record<string, string> {
  return Object.fromEntries(known.filter((k) => params[k]).map((k) => [k, params[k]!]));
}
