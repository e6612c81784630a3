/** Page size bounds shared by every list: 1–100, 20 when not given. */
export const pageSize = { min: 1, max: 100, default: 20 } as const;
