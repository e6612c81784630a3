import type { FieldDescription, FieldValue } from '../../tools/schema-form/schema-fields';

const expression = /\{\{.*\}\}/s;

/**
 * The tool's form fields for a step whose input may hold `{{ expressions }}`: a field holding one
 * is edited as text (a number field would refuse `{{ input.count }}`), the others as the schema says.
 */
export function stepFields(fields: FieldDescription[], input: Record<string, unknown>): FieldDescription[] {
  return fields.map((field) => {
    const value = input[field.name];
    return typeof value === 'string' && expression.test(value)
      ? { ...field, kind: 'text', booleanText: false }
      : field;
  });
}

/** What each field of the form starts with: the step's input value, or the field's default. */
export function stepFieldValues(
  fields: FieldDescription[],
  input: Record<string, unknown>,
): Record<string, FieldValue> {
  return Object.fromEntries(
    fields.map((field) => {
      const value = input[field.name];
      if (value === undefined || value === null) return [field.name, field.initial];
      switch (field.kind) {
        case 'checkbox':
          return [field.name, value === true];
        case 'choices':
          return [field.name, Array.isArray(value) ? value.map(String) : []];
        case 'lines':
          return [field.name, Array.isArray(value) ? value.join('\n') : String(value)];
        case 'json':
          return [field.name, JSON.stringify(value, null, 2)];
        default:
          return [field.name, typeof value === 'string' ? value : JSON.stringify(value)];
      }
    }),
  );
}

/** The document with the input of the step `stepId` (anywhere in the tree) replaced. */
export function withStepInput(
  document: Record<string, unknown>,
  stepId: string,
  input: Record<string, unknown>,
): Record<string, unknown> {
  const visit = (steps: unknown): unknown =>
    Array.isArray(steps)
      ? steps.map((step: Record<string, unknown>) => {
          if (!step || typeof step !== 'object') return step;
          if (step.id === stepId) return { ...step, input };
          const next = { ...step };
          for (const key of ['then', 'else', 'steps'] as const) if (key in next) next[key] = visit(next[key]);
          if (Array.isArray(next.branches)) next.branches = next.branches.map(visit);
          return next;
        })
      : steps;
  return { ...document, steps: visit(document.steps) };
}

/** The step with this id anywhere in the document's tree. */
export function stepById(
  document: Record<string, unknown>,
  stepId: string,
): Record<string, unknown> | undefined {
  const visit = (steps: unknown): Record<string, unknown> | undefined => {
    for (const step of Array.isArray(steps) ? (steps as Record<string, unknown>[]) : []) {
      if (step?.id === stepId) return step;
      const found =
        visit(step?.then) ??
        visit(step?.else) ??
        visit(step?.steps) ??
        (Array.isArray(step?.branches) ? step.branches.map(visit).find(Boolean) : undefined);
      if (found) return found;
    }
    return undefined;
  };
  return visit(document.steps);
}
