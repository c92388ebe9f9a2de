/** The fill-ins actually typed (blank ones are left out, so the agency's template applies to them). */
export function filledOnly(fills: unknown): Record<string, string> {
  if (typeof fills !== 'object' || fills === null) return {};
  return Object.fromEntries(
    Object.entries(fills as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '',
    ),
  );
}
