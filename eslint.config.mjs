import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: [".next/**", ".next-test/**", "node_modules/**", "public/**", "next-env.d.ts", ".tmp/**"] },
];

export default config;
