import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'cdk.out/**', '.data/**', 'dist/**', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // functions/ and shared/ must not branch on "am I local": the offline cloud is configured by env.
      'no-restricted-syntax': [
        'error',
        { selector: "Identifier[name='IS_OFFLINE']", message: 'No local branches.' },
      ],
    },
  },
  // Layers point one way: data → domain ← api ← platform, and usecases over all. The domain knows
  // nothing of HTTP, tokens or DynamoDB; the platform nothing of the data layer. (The domain's own
  // `calendar/data` folder is reached with `./`, which these patterns do not match.)
  {
    files: ['shared/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(api|platform|data|usecases)(/|$)',
              message:
                'shared/domain imports nothing from api, platform, data or usecases: move the constant or type into the domain.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(data|usecases)(/|$)',
              message: 'shared/platform does not import the data layer or the use cases.',
            },
          ],
        },
      ],
    },
  },
);
