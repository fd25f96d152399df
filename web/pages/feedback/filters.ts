// Date-range filters are picked as calendar days in the person's time zone; the API wants
// instants, so a day range becomes [start of the first day, end of the last day].
export function dayStart(day: string | undefined): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function dayEnd(day: string | undefined): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T23:59:59.999`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
