import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { user } from '../db/schema.js';

/** The user with this email (Better Auth stores emails lower-cased), or undefined. */
export async function findUserByEmail(db: Database, email: string): Promise<{ id: string; email: string } | undefined> {
  const [row] = await db
    .select({ id: user.id, email: user.email })
    .from(user)
    .where(eq(user.email, email.trim().toLowerCase()))
    .limit(1);
  return row;
}
