import { z } from 'zod';

/**
 * The schema of a change to an object: each field optional and without its default. Zod 4 fills a
 * default in even under `.partial()`, so a change made with it would reset every field it leaves out.
 */
export function changeSchemaOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      z.optional((field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType),
    ]),
  ) as unknown as { [Key in keyof Shape]: z.ZodOptional<z.ZodType<z.output<Shape[Key]>>> };
  return z.object(shape);
}
