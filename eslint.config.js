import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'coverage/', 'web/dist/', 'drizzle/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['web/**/*.js'], languageOptions: { globals: globals.browser } },
  {
    files: ['**/*.ts', 'bin/*.js', '*.js'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
