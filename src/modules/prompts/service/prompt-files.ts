import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { createPromptInputSchema } from '../schema.js';
import { checkTemplate } from './template.js';

/** A prompt read from a file: the file name (without .md) is its name; the front matter its metadata. */
export type FilePrompt = z.output<typeof createPromptInputSchema>;

const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/**
 * Reads every `*.md` in `directory`: optional YAML front matter (title, description, arguments,
 * tags) and the template after it. A file that does not parse or check is skipped, with the reason
 * in `problems`; a missing directory is simply no prompts.
 */
export function readPromptFiles(directory: string): { prompts: FilePrompt[]; problems: string[] } {
  if (!fs.existsSync(directory)) return { prompts: [], problems: [] };
  const prompts: FilePrompt[] = [];
  const problems: string[] = [];
  for (const file of fs
    .readdirSync(directory)
    .filter((entry) => entry.endsWith('.md'))
    .sort()) {
    try {
      const text = fs.readFileSync(path.join(directory, file), 'utf8');
      const [, header, body] = frontMatter.exec(text) ?? [undefined, '', text];
      const metadata = (header ? parseYaml(header) : {}) ?? {};
      const prompt = createPromptInputSchema.parse({
        ...metadata,
        name: file.slice(0, -3),
        template: (body ?? '').trim(),
        visibility: 'shared',
      });
      checkTemplate(prompt.template, prompt.arguments);
      prompts.push(prompt);
    } catch (error) {
      const reason =
        error instanceof z.ZodError
          ? error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
          : (error as Error).message;
      problems.push(`${file}: ${reason}`);
    }
  }
  return { prompts, problems };
}

/** Calls `onChange` (debounced) when files in `directory` change. Returns the stop function. */
export function watchPromptFiles(directory: string, onChange: () => void): () => void {
  if (!fs.existsSync(directory)) return () => {};
  let timer: NodeJS.Timeout | undefined;
  const watcher = fs.watch(directory, () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, 200);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
