import { describe, expect, it } from "vitest";
import { webConcurrency } from "@/scripts/web-concurrency.mjs";

const PG = "postgresql://postgres@127.0.0.1:5432/crux";

describe("the number of server processes", () => {
  it("is one per core on PostgreSQL when WEB_CONCURRENCY is unset", () => {
    expect(webConcurrency({ DATABASE_URL: PG }, { cores: 2 })).toEqual({ workers: 2, note: null });
    expect(webConcurrency({ DATABASE_URL: PG, WEB_CONCURRENCY: " " }, { cores: 3 })).toEqual({ workers: 3, note: null });
  });

  it("stops the default at four processes, so a large host keeps within PostgreSQL's default connection limit", () => {
    expect(webConcurrency({ DATABASE_URL: PG }, { cores: 16 })).toEqual({ workers: 4, note: null });
  });

  it("warns when the processes' connection pools together pass what PostgreSQL allows by default", () => {
    expect(webConcurrency({ DATABASE_URL: PG, WEB_CONCURRENCY: "12" }, { cores: 16 }).note).toMatch(/120 PostgreSQL connections/);
    expect(webConcurrency({ DATABASE_URL: PG, WEB_CONCURRENCY: "8", DATABASE_POOL_SIZE: "5" }, { cores: 16 })).toEqual({ workers: 8, note: null });
  });

  it("is WEB_CONCURRENCY on PostgreSQL, whatever the cores", () => {
    expect(webConcurrency({ DATABASE_URL: PG, WEB_CONCURRENCY: "1" }, { cores: 8 })).toEqual({ workers: 1, note: null });
    expect(webConcurrency({ DATABASE_URL: PG, WEB_CONCURRENCY: "3" }, { cores: 2 })).toEqual({ workers: 3, note: null });
  });

  it("is always one on the embedded database, saying so when more were asked for", () => {
    expect(webConcurrency({}, { cores: 4 })).toEqual({ workers: 1, note: null });
    expect(webConcurrency({ WEB_CONCURRENCY: "4" }, { cores: 4 })).toEqual({
      workers: 1,
      note: "the embedded database (no DATABASE_URL) lives in one process; WEB_CONCURRENCY is ignored",
    });
  });

  it("is one for the development server", () => {
    expect(webConcurrency({ DATABASE_URL: PG }, { dev: true, cores: 4 }).workers).toBe(1);
    expect(webConcurrency({ DATABASE_URL: PG, WEB_CONCURRENCY: "2" }, { dev: true, cores: 4 }).note).toMatch(/development server/);
  });

  it.each(["0", "-1", "1.5", "two", "65"])("refuses WEB_CONCURRENCY=%s", (value) => {
    expect(() => webConcurrency({ DATABASE_URL: PG, WEB_CONCURRENCY: value }, { cores: 2 })).toThrow(`WEB_CONCURRENCY must be a whole number of server processes from 1 to 64, not "${value}".`);
  });
});
