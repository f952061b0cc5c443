import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Imports run downhill (README, Architecture). Each entry: the folder under src/, and the folders of ours it may
// import. A relative import that leaves the folder for any other one fails lint, type-only imports included.
// test/unit/layering.test.ts checks the same rules and, beyond what lint sees, that no cycle exists.
export const layers = {
  model: [],
  heroku: [],
  store: ['model'],
  shared: ['model'],
  common: ['model', 'shared'],
  webview: ['shared', 'model'],
  connection: ['model', 'heroku', 'store', 'common'],
};

// The webview's stylesheet is bundled from media/: an asset, not code of ours. (Every layer folder is flat, so a
// relative import that starts with ../ leaves it.)
const assets = { webview: ['\\.\\./media/[^/]+\\.css'] };

const layerRules = Object.entries(layers).map(([folder, allowed]) => {
  const permitted = [...allowed.map((name) => `${name}(?:/|$)`), ...(assets[folder] ?? [])];
  return {
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: permitted.length ? `^\\.\\./(?!(?:${permitted.join('|')}))` : '^\\.\\./',
          message: `src/${folder}/ may import only ${allowed.length ? allowed.map((name) => `${name}/`).join(' and ') : 'its own files'} (README, Architecture).`,
        }],
      }],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '.scratch/**', '*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['warn', 'always'],
      curly: ['warn', 'multi-line'],
    },
  },
  ...layerRules,
  { files: ['src/webview/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
