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

    /** The account e-mail of a user (where e-mail notifications go), or undefined for an unknown id. */
    async emailOf(userId: string): Promise<string | undefined> {
      const [row] = await db.select({ email: user.email }).from(user).where(eq(user.id, userId)).limit(1);
      return row?.email;
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
