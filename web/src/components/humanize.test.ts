import { describe, expect, it } from 'vitest';
import { humanize } from './humanize';

describe('humanize', () => {
  it('writes names as sentence-case words, keeping acronyms and standards readable', () => {
    expect(humanize('iso639_1')).toBe('ISO 639-1');
    expect(humanize('iso639_3')).toBe('ISO 639-3');
    expect(humanize('url')).toBe('URL');
    expect(humanize('max_sentences')).toBe('Max sentences');
    expect(humanize('due_date')).toBe('Due date');
    expect(humanize('taskId')).toBe('Task ID');
    expect(humanize('resource_id')).toBe('Resource ID');
    expect(humanize('pdf_content')).toBe('PDF content');
    expect(humanize('reading_speed_wpm')).toBe('Reading speed WPM');
    expect(humanize('top_n')).toBe('Top n');
    expect(humanize('utf8_bytes')).toBe('UTF-8 bytes');
    expect(humanize('api_key_created')).toBe('API key created');
  });
});
