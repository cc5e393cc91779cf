// Lets server-only modules load under Vitest, which has no React Server Components split.
export {};
