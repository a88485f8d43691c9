// Stands in for the `server-only` package under vitest (tests run lib/server code directly in Node).
export {};
