import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "bin/**",
      "coverage/**",
      ".tools/**",
      "jest.config.js",
      "dist/**",
      "providers/*/runtime/dist/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    // zod must be configured before any schema is built (components/config/zod.ts), and provider
    // packages are loaded class by class.
    files: ["components/**/*.ts", "providers/**/*.ts", "index.ts"],
    ignores: ["components/config/zod.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "zod", message: 'Import z from "components/config/zod" instead.' },
            // A package index loads every service or resource of the provider (components/sdk/).
            ...["aws", "kubernetes", "cloudflare"].map((name) => ({
              name: `@pulumi/${name}`,
              message: `Import the classes from components/sdk/${name} instead.`,
            })),
            {
              name: "@muhlba91/pulumi-proxmoxve",
              message: "Import the classes from components/sdk/proxmox instead.",
            },
          ],
        },
      ],
    },
  },
  {
    // Plain CommonJS entry points that run before anything is compiled.
    files: ["main.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        __filename: "readonly",
        process: "readonly",
        console: "readonly",
        performance: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
