// One benchmarked deployment (PGlite or Postgres): its server process, the users the phases act as, and the
// bulk data the cost-growth figures need.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { freePort } from '../../test/helpers/test-app.js';
import { ApiClient, type BenchUser } from './client.js';
import { COMPLETE_TARGET } from './scenarios.js';
import { openRunner, seedConversations, seedTasks } from './seed.js';
import { startServer, type Entry, type RunningServer, type ServerSpec } from './server-process.js';

/** The database a target runs on. */
export type DriverName = 'PGlite' | 'Postgres';

/** Sizes of the seeded data. */
export interface Sizes {
  smallHistory: number;
  /** A history that just fills the chat window (CHAT_HISTORY_WINDOW = 20 by default) on every turn. */
  windowHistory: number;
  largeHistory: number;
  historyConversations: number;
  largeTasks: number;
  loopUsers: number;
}

/** The users each phase acts as. */
export interface TargetUsers {
  add: BenchUser;
  list: BenchUser;
  complete: BenchUser;
  historySmall: BenchUser;
  historyWindow: BenchUser;
  historyLarge: BenchUser;
  tasksSmall: BenchUser;
  tasksLarge: BenchUser;
  loop: BenchUser[];
}

/** A running deployment with its seeded users. */
export interface Target {
  name: DriverName;
  spec: ServerSpec;
  server: RunningServer;
  api: ApiClient;
  /** RSS right after the seeded server started, before any turn. */
  baselineRssMb: number;
  users: TargetUsers;
  /** Conversation ids of the small- and large-history users (seeded). */
  historyConversations: { small: number[]; window: number[]; large: number[] };
  /** Restart the server on the same port, database and secret, optionally with extra Node flags and another build of it. */
  restart(nodeFlags?: string[], entry?: Entry): Promise<RunningServer>;
}

/** The oldest task of the large-task user: beyond the newest 1,000, where list_tasks stops. */
export const OLD_TARGET = 'Water the old ferns';

const conversationsSchema = z.array(z.object({ id: z.number() }));

/** Start a fresh deployment, sign up its users, seed the bulk data with the server stopped, and start it again. */
export async function prepareTarget(name: DriverName, entry: Entry, dataDir: string, sizes: Sizes, databaseUrl?: string): Promise<Target> {
  const spec: ServerSpec = { entry, port: await freePort(), dataDir, databaseUrl, secret: randomBytes(32).toString('base64') };
  let server = await startServer(spec);
  const api = new ApiClient(server.url);
  const signUp = (label: string) => api.signUp(`${name.toLowerCase()}-${label}`);
  const users: TargetUsers = {
    add: await signUp('add'),
    list: await signUp('list'),
    complete: await signUp('complete'),
    historySmall: await signUp('hist-small'),
    historyWindow: await signUp('hist-window'),
    historyLarge: await signUp('hist-large'),
    tasksSmall: await signUp('tasks-small'),
    tasksLarge: await signUp('tasks-large'),
    loop: [],
  };
  for (let i = 0; i < sizes.loopUsers; i++) users.loop.push(await signUp(`loop${i}`));
  await server.stop();

  const db = await openRunner({ databaseUrl, dataDir });
  try {
    await seedTasks(db, users.list.id, 10);
    await seedTasks(db, users.complete.id, 9, { newest: COMPLETE_TARGET });
    await seedTasks(db, users.historySmall.id, 5);
    await seedTasks(db, users.historyWindow.id, 5);
    await seedTasks(db, users.historyLarge.id, 5);
    await seedConversations(db, users.historySmall.id, sizes.historyConversations, sizes.smallHistory);
    await seedConversations(db, users.historyWindow.id, sizes.historyConversations, sizes.windowHistory);
    await seedConversations(db, users.historyLarge.id, sizes.historyConversations, sizes.largeHistory);
    await seedTasks(db, users.tasksSmall.id, 9, { newest: COMPLETE_TARGET });
    await seedTasks(db, users.tasksLarge.id, sizes.largeTasks - 2, { oldest: OLD_TARGET, newest: COMPLETE_TARGET });
  } finally {
    await db.close();
  }

  server = await startServer(spec);
  const conversationsOf = async (user: BenchUser) => {
    const res = await api.request(`/api/${user.id}/conversations`, { headers: user.headers }, conversationsSchema);
    return (res.body ?? []).map((c) => c.id);
  };
  const target: Target = {
    name,
    spec,
    server,
    api,
    baselineRssMb: server.rssMb(),
    users,
    historyConversations: {
      small: await conversationsOf(users.historySmall),
      window: await conversationsOf(users.historyWindow),
      large: await conversationsOf(users.historyLarge),
    },
    async restart(nodeFlags, other) {
      await target.server.stop();
      target.server = await startServer({ ...spec, nodeFlags, entry: other ?? spec.entry });
      return target.server;
    },
  };
  return target;
}
