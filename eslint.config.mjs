import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".next-bench/",
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
    // The browser never sees server code: components (and the browser's hooks in lib/queries) import
    // only what is written for the browser — views the server builds, query hooks, realtime names.
    files: ["components/**/*.{ts,tsx}", "lib/queries/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/lib/*",
                "!@/lib/views",
                "!@/lib/queries",
                "!@/lib/realtime",
                "@/lib/realtime/*",
                "!@/lib/realtime/channels",
                "!@/lib/realtime/client",
              ],
              message: "Server code stays on the server: import a view from lib/views instead.",
            },
          ],
        },
      ],
    },
  },
  {
    // Views are what the browser renders, so whatever they import ships in its chunks: zod (and the
    // schemas in lib/http/text.ts, built when the module loads) is ~25 KB compressed before a deep
    // link's first paint. Browser-side checks use the zod-free rules (lib/http/storable-text.ts).
    files: ["lib/views/**/*.{ts,tsx}", "lib/realtime/channels.ts", "lib/realtime/client.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "zod", message: "Keep zod out of the browser's chunks: validate on the server." },
            {
              name: "@/lib/http/text",
              message: "It loads zod in the browser: import isStorableText from @/lib/http/storable-text.",
            },
          ],
        },
      ],
    },
  },
);
