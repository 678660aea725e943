// What a database error means, in one place for both dialects (Prisma gives the same codes).

/** A unique constraint refused the write (Prisma's P2002): someone else stored the same key first. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}
