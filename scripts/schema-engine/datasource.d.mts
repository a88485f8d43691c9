import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export class EngineError extends Error {
  constructor(errorCode: string, message: string, meta?: Record<string, unknown>);
  errorCode: string;
  meta: Record<string, unknown>;
}
export function datasourceKind(url: unknown): "pglite" | "postgres";
export function openDatasource(url: string): Promise<{
  factory: SqlMigrationAwareDriverAdapterFactory;
  executeScript(script: string): Promise<void>;
  close(): Promise<void>;
}>;
export function canConnect(url: string): Promise<void>;
export function createDatabase(url: string): Promise<void>;
export function dropDatabase(url: string): Promise<void>;
export function redact(url: string): string;
