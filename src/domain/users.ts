import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { user } from '../db/schema.js';

/** Looking up accounts (Better Auth owns creating them). */
export function createUserService(db: Database) {
  return {
    /** The user with this email (Better Auth stores emails lower-cased), or undefined. */
    async findByEmail(email: string): Promise<{ id: string; email: string } | undefined> {
      const [row] = await db
        .select({ id: user.id, email: user.email })
        .from(user)
        .where(eq(user.email, email.trim().toLowerCase()))
        .limit(1);
      return row;
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
