/** Every kind of sensitive item the detectors find. */
export const sensitiveKinds = [
  'email',
  'phone',
  'credit_card',
  'iban',
  'ip_address',
  'url',
  'date',
  'id_number',
  'person',
  'place',
  'organization',
  'custom',
] as const;
export type SensitiveKind = (typeof sensitiveKinds)[number];

/**
 * The original toolkit's detection categories, each standing for the kinds it covers. `names`,
 * `emails`, `phones`, `addresses`, `ids` and `financial` are the original's; the rest cover the
 * kinds it did not have.
 */
export const detectionCategories = {
  names: ['person'],
  emails: ['email'],
  phones: ['phone'],
  addresses: ['place'],
  ids: ['id_number'],
  financial: ['credit_card', 'iban'],
  network: ['ip_address', 'url'],
  dates: ['date'],
  organizations: ['organization'],
} as const satisfies Record<string, readonly SensitiveKind[]>;
export type DetectionCategory = keyof typeof detectionCategories;

/** What may be asked for in `detection_types`: a category or a kind. */
export const detectionTypeNames = [
  ...(Object.keys(detectionCategories) as DetectionCategory[]),
  ...sensitiveKinds.filter((kind) => kind !== 'custom'),
] as const;

/** The kinds a list of categories and kinds stands for; every kind when the list is absent or empty. */
export function kindsFor(types: readonly string[] | undefined): Set<SensitiveKind> {
  if (!types || types.length === 0) return new Set(sensitiveKinds);
  const kinds = new Set<SensitiveKind>(['custom']);
  for (const type of types) {
    if (type in detectionCategories)
      for (const kind of detectionCategories[type as DetectionCategory]) kinds.add(kind);
    else kinds.add(type as SensitiveKind);
  }
  return kinds;
}

/**
 * Kinds that identify someone on their own (a leak of one is a high risk), as against the
 * quasi-identifiers (dates, places, organisations, URLs) that identify only in combination.
 */
export const directIdentifiers: ReadonlySet<SensitiveKind> = new Set([
  'email',
  'phone',
  'credit_card',
  'iban',
  'ip_address',
  'id_number',
  'person',
  'custom',
]);
