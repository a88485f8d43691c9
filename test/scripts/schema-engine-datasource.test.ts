// The schema engine bridge's PostgreSQL datasource, as the WASM engine's describer reads the catalog.
import { ColumnTypeEnum, type SqlQuery } from "@prisma/driver-adapter-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatasource } from "@/scripts/schema-engine/datasource.mjs";
import { createTestDatabase, SERVER_URL, type TestDatabase } from "../db/postgres";

// The describer's constraint query (sql-schema-describer, constraints_query.sql) reads contype with
// get_expect_char: typed as text, a constraint trigger's row (contype 't') made the engine panic.
const CONSTRAINTS: SqlQuery = {
  sql: `SELECT conname AS constraint_name, contype AS constraint_type, condeferrable AS is_deferrable
        FROM pg_constraint WHERE conrelid = '"Thing"'::regclass ORDER BY conname`,
  args: [],
  argTypes: [],
};

describe.skipIf(!SERVER_URL)("schema engine datasource on PostgreSQL", () => {
  let database: TestDatabase;
  let datasource: Awaited<ReturnType<typeof openDatasource>>;

  beforeAll(async () => {
    database = await createTestDatabase("engine_datasource");
    datasource = await openDatasource(database.url);
    await datasource.executeScript(`
      CREATE TABLE "Thing" ("id" INTEGER PRIMARY KEY, "n" INTEGER CHECK ("n" > 0));
      CREATE FUNCTION thing_touched() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
      CREATE CONSTRAINT TRIGGER "Thing_touched" AFTER UPDATE ON "Thing"
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION thing_touched();`);
  });
  afterAll(async () => {
    await datasource?.close();
    await database?.drop();
  });

  it('reports "char" catalog columns as characters, with their values, outside and inside transactions', async () => {
    const adapter = await datasource.factory.connect();
    try {
      const direct = await adapter.queryRaw(CONSTRAINTS);
      expect(direct.columnTypes).toEqual([ColumnTypeEnum.Text, ColumnTypeEnum.Character, ColumnTypeEnum.Boolean]);
      expect(direct.rows).toEqual([
        ["Thing_n_check", "c", false],
        ["Thing_pkey", "p", false],
        ["Thing_touched", "t", true],
      ]);
      const transaction = await adapter.startTransaction();
      try {
        expect((await transaction.queryRaw(CONSTRAINTS)).columnTypes[1]).toBe(ColumnTypeEnum.Character);
      } finally {
        // The engine sends ROLLBACK itself; the adapter's rollback() only releases the connection.
        await transaction.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] });
        await transaction.rollback();
      }
    } finally {
      await adapter.dispose();
    }
  });

  it("leaves other text columns as text", async () => {
    const adapter = await datasource.factory.connect();
    try {
      const result = await adapter.queryRaw({ sql: `SELECT 't'::text AS a, 'x'::varchar AS b`, args: [], argTypes: [] });
      expect(result.columnTypes).toEqual([ColumnTypeEnum.Text, ColumnTypeEnum.Text]);
    } finally {
      await adapter.dispose();
    }
  });
});
