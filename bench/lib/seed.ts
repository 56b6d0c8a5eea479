// Bulk data for the cost-growth figures, written with plain SQL while the server is stopped (PGlite is
// single-process). The same statements run on PGlite and Postgres.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Runs SQL against one database. */
export interface SqlRunner {
  exec(sql: string, params?: unknown[]): Promise<void>;
  close(): Promise<void>;
}

/** Open the benchmark database directly: Postgres by URL, or the PGlite data directory the server uses. */
export async function openRunner(target: { databaseUrl?: string; dataDir: string }): Promise<SqlRunner> {
  if (target.databaseUrl) {
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    return {
      exec: async (sql, params) => {
        await client.query(sql, params);
      },
      close: () => client.end(),
    };
  }
  const db = await PGlite.create({ dataDir: target.dataDir });
  return {
    exec: async (sql, params) => {
      await db.query(sql, params);
    },
    close: () => db.close(),
  };
}

const VERBS = ['Buy', 'Fix', 'Clean', 'Call', 'Email', 'Plan', 'Sort', 'Read', 'Pay', 'Book', 'Paint', 'Return'];
const OBJECTS = ['lamp', 'fence', 'garage', 'report', 'car', 'letters', 'desk', 'trip', 'shelf', 'bills', 'tickets', 'invoice', 'gutter'];

/**
 * Give a user `count` filler tasks with varied, distinct titles ("Fix garage 123"), oldest first, framed by
 * `oldest` (inserted first) and `newest` (inserted last) when given.
 */
export async function seedTasks(db: SqlRunner, userId: string, count: number, frame: { oldest?: string; newest?: string } = {}): Promise<void> {
  if (frame.oldest) await insertNumbered(db, userId, 1, '$2::text', [frame.oldest]);
  await insertNumbered(
    db,
    userId,
    count,
    `($2::text[])[1 + g % $4::int] || ' ' || ($3::text[])[1 + (g / $4::int) % $5::int] || ' ' || g`,
    [VERBS, OBJECTS, VERBS.length, OBJECTS.length],
    'g % 3 = 0',
  );
  if (frame.newest) await insertNumbered(db, userId, 1, '$2::text', [frame.newest]);
}

/**
 * Insert `count` tasks numbered after the user's last one (task numbers are each user's own, taken from
 * task_numbers as the app takes them); `title` is SQL over the series index `g` and `params` ($2 on).
 */
async function insertNumbered(db: SqlRunner, userId: string, count: number, title: string, params: unknown[], completed = 'false'): Promise<void> {
  const n = `$${params.length + 2}::int`;
  await db.exec(
    `with taken as (
       insert into task_numbers (user_id, last_id) values ($1, ${n})
       on conflict (user_id) do update set last_id = task_numbers.last_id + ${n} returning last_id
     )
     insert into tasks (user_id, id, title, completed)
     select $1, taken.last_id - ${n} + g, ${title}, ${completed} from taken, generate_series(1, ${n}) g order by g`,
    [userId, ...params, count],
  );
}

/**
 * Give a user `conversations` conversations of `messages` messages each, shaped like real turns: "add …" from
 * the user, then the assistant's confirmation carrying its add_task tool call.
 */
export async function seedConversations(db: SqlRunner, userId: string, conversations: number, messages: number): Promise<void> {
  await db.exec(
    `with c as (
       insert into conversations (user_id, title)
       select $1, 'Seeded ' || g from generate_series(1, $2::int) g returning id
     )
     insert into messages (conversation_id, user_id, role, content, tool_calls)
     select c.id, $1,
       case when m % 2 = 1 then 'user' else 'assistant' end,
       case when m % 2 = 1 then 'add seeded item ' || m else 'Added #' || m || ' Seeded item ' || m || '.' end,
       case when m % 2 = 0 then jsonb_build_array(jsonb_build_object(
         'name', 'add_task',
         'arguments', jsonb_build_object('title', 'Seeded item ' || m),
         'result', jsonb_build_object('task_id', m, 'status', 'created', 'title', 'Seeded item ' || m)))
       end
     from c cross join generate_series(1, $3::int) m
     order by c.id, m`,
    [userId, conversations, messages],
  );
}
