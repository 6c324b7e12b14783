import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    rules: {
      // `_name` marks a value left out on purpose, e.g. a field dropped by destructuring.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "public/**", "next-env.d.ts", ".tmp/**"] },
];

export default config;
