import { AppError } from "../errors";
import { Prisma } from "./generated/client";

/** True when a write failed on a unique constraint (Prisma P2002). */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

/**
 * True when a write failed on a foreign key (Prisma P2003, or PostgreSQL's 23503 from a raw query):
 * a row it points at — a set, a card, a question, a quiz, an assignment — was deleted meanwhile.
 */
export function isForeignKeyViolation(e: unknown): boolean {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (e.code === "P2003") return true;
  // A raw query's failure (P2010) carries the driver adapter's error with PostgreSQL's own code.
  const meta = e.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined;
  return e.code === "P2010" && meta?.driverAdapterError?.cause?.originalCode === "23503";
}

/**
 * Runs one write that inserts rows pointing at a set or its items and turns a foreign-key failure —
 * the set (or the card, question, quiz or assignment) was deleted while the write waited on the
 * deletion's locks — into NOT_FOUND with `message`, instead of a raw database error.
 */
export async function orGone<T>(write: () => Promise<T>, message: string): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isForeignKeyViolation(e)) throw new AppError("NOT_FOUND", message);
    throw e;
  }
}
