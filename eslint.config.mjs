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
);
