import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".data/",
      "lib/db/generated/",
      "next-env.d.ts",
      "test-results/",
      "playwright-report/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
      "no-console": "off",
    },
  },
  {
    // The browser never sees server code: keep Prisma and secrets out of components.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // inbox-views and message-preview are pure and shared with the browser on purpose.
              group: [
                "@/lib/db/*",
                "@/lib/inbox/*",
                "!@/lib/inbox/inbox-views",
                "!@/lib/inbox/message-preview",
                "@/lib/env",
              ],
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
