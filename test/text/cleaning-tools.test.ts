import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser, signIn } from '../helpers/identity.js';
import { callToolOverRest } from '../helpers/rest-tool-call.js';
import { buildTestApp, type TestApp } from '../helpers/test-app.js';

describe('cleaning and diacritic tools over REST', () => {
  let testApp: TestApp;
  let cookie: string;
  const call = (name: string, payload: object) => callToolOverRest(testApp.app, cookie, name, payload);

  beforeAll(async () => {
    testApp = await buildTestApp('embedded', { settings: { textLimit: '2048' } });
    await seedUser(testApp.app, { email: 'cleaner@example.com' });
    cookie = await signIn(testApp.app, 'cleaner@example.com');
  });
  afterAll(() => testApp.close());

  it('clean_text removes what it is asked to and says what produced the result', async () => {
    const result = await call('clean_text', {
      text: '  Mail  ana@example.org or visit https://example.com   NOW!! ',
      remove_urls: true,
      remove_emails: true,
      remove_punctuation: true,
      to_lowercase: true,
    });
    expect(result.structured_content).toMatchObject({
      method: 'offline:unicode-regex+linkify-it',
      text: 'mail or visit now',
      removed: { urls: 1, emails: 1, punctuation: 2 },
    });
    expect(result.content[0]?.text).toBe('mail or visit now');
  });

  it('normalize_unicode composes or decomposes as asked', async () => {
    const decomposed = await call('normalize_unicode', { text: 'café', form: 'NFD' });
    expect(decomposed.structured_content).toMatchObject({
      text: 'cafe\u0301',
      changed: true,
      original_length: 4,
      length: 5,
    });
    const folded = await call('normalize_unicode', { text: 'ﬁle ①', form: 'NFKC' });
    expect(folded.structured_content).toMatchObject({
      text: 'file 1',
      method: 'offline:unicode-normalization',
    });
  });

  it('remove_special_symbols removes symbols and emoji and lists them', async () => {
    const result = await call('remove_special_symbols', { text: 'Deal™ at 5€ 🎉!' });
    expect(result.structured_content).toMatchObject({ text: 'Deal at 5 !', removed_total: 3 });
  });

  it('remove_html_tags keeps the text and drops scripts and styles', async () => {
    const html =
      '<style>h1{}</style><h1>Title</h1><p>One <a href="https://x.org">link</a>.</p><script>evil()</script>';
    const kept = await call('remove_html_tags', { text: html, keep_link_urls: true });
    expect(kept.structured_content).toMatchObject({
      method: 'offline:html-to-text',
      text: 'Title\n\nOne link [https://x.org].',
    });
    const flat = await call('remove_html_tags', { text: html, preserve_content: false });
    expect(flat.structured_content.text).toBe('Title One link.');
  });

  it('remove_diacritics keeps other characters by the unicode method and makes ASCII by unidecode', async () => {
    const unicode = await call('remove_diacritics', { text: 'Ærøskøbing café' });
    expect(unicode.structured_content).toMatchObject({
      method: 'offline:unicode-nfd',
      text: 'Ærøskøbing cafe',
    });
    const ascii = await call('remove_diacritics', {
      text: 'Ærøskøbing café',
      method: 'unidecode',
      preserve_case: false,
    });
    expect(ascii.structured_content).toMatchObject({
      method: 'offline:transliteration',
      text: 'aeroskobing cafe',
    });
    expect(ascii.structured_content.changes).toContainEqual({ from: 'ø', to: 'o', count: 2 });
  });

  it('transliterate_text spells other scripts in Latin letters', async () => {
    const result = await call('transliterate_text', {
      text: 'Привет, Αθήνα! 東京 ✨',
      preserve_spacing: false,
    });
    expect(result.structured_content).toMatchObject({
      method: 'offline:transliteration',
      text: 'Privet, Athina! Dong Jing ',
      dropped_characters: ['✨'],
    });
  });

  it('normalize_text folds, strips, lower-cases and replaces spaces', async () => {
    const result = await call('normalize_text', { text: '  Crème  Brûlée Ｎo. 1 ', replace_spaces: true });
    expect(result.structured_content).toMatchObject({
      text: 'creme_brulee_no._1',
      method: 'offline:unicode-nfkc',
    });
  });

  it('refuses a text over TEXT_LIMIT, naming the field', async () => {
    const result = await call('clean_text', { text: 'x'.repeat(3_000) });
    expect(result).toMatchObject({
      is_error: true,
      structured_content: { error_code: 'INVALID_INPUT', field: 'text' },
    });
  });
});
