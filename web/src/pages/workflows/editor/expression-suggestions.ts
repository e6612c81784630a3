/**
 * The expressions a step's input may use, for the step form's autocompletion: the run's input fields
 * (`{{ input.title }}`) and the output of every top-level step that does not wait for this one, directly or
 * not (waiting on it would be a cycle).
 */
export function expressionSuggestions(document: unknown, stepId: string): string[] {
  if (typeof document !== 'object' || document === null) return [];
  const { input_schema: inputSchema, steps } = document as { input_schema?: unknown; steps?: unknown };
  const properties =
    typeof inputSchema === 'object' && inputSchema !== null
      ? Object.keys((inputSchema as { properties?: Record<string, unknown> }).properties ?? {})
      : [];
  const list = Array.isArray(steps) ? (steps as { id?: unknown; needs?: unknown }[]) : [];
  const needsOf = new Map(
    list.map((step) => [String(step.id), Array.isArray(step.needs) ? step.needs.map(String) : []]),
  );
  const waitsFor = (id: string, target: string, seen = new Set<string>()): boolean =>
    (needsOf.get(id) ?? []).some(
      (need) => need === target || (!seen.has(need) && seen.add(need) && waitsFor(need, target, seen)),
    );
  const earlier = [...needsOf.keys()].filter((id) => id !== stepId && !waitsFor(id, stepId));
  return [
    ...properties.map((name) => `{{ input.${name} }}`),
    ...earlier.map((id) => `{{ steps.${id}.output }}`),
  ];
}
