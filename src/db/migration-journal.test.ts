import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from './migrate.js';

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
  entries: JournalEntry[];
};

describe('the migration journal', () => {
  it('orders migrations by time as well as by number', () => {
    // Drizzle's migrator applies a migration only when its time is after the last applied one's: a
    // migration generated before its predecessor (branches merged out of order) would be skipped on
    // every database that already had the predecessor.
    const times = journal.entries.map((entry) => entry.when);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(times.length);
  });

  it('numbers the migrations one after another, each with its SQL file', () => {
    journal.entries.forEach((entry, index) => {
      expect(entry.idx).toBe(index);
      expect(entry.tag.startsWith(String(index).padStart(4, '0'))).toBe(true);
      expect(fs.existsSync(path.join(migrationsFolder, `${entry.tag}.sql`))).toBe(true);
    });
  });
});
