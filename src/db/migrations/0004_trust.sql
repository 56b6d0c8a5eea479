CREATE TABLE "task_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"group_id" text NOT NULL,
	"task_id" integer NOT NULL,
	"op" text NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL,
	"source" text NOT NULL,
	"client" text,
	"undoes" text,
	"undone_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_changes_op_check" CHECK ("task_changes"."op" in ('create', 'update', 'complete', 'reopen', 'delete', 'restore')),
	CONSTRAINT "task_changes_source_check" CHECK ("task_changes"."source" in ('chat', 'web', 'rest', 'mcp'))
);
--> statement-breakpoint
CREATE TABLE "task_numbers" (
	"user_id" text PRIMARY KEY NOT NULL,
	"last_id" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "tasks_user_id_idx";--> statement-breakpoint
-- Task numbers become each user's own: 1, 2, 3… in creation order, keyed by (user_id, id).
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_pkey";--> statement-breakpoint
ALTER TABLE "tasks" ALTER COLUMN "id" DROP DEFAULT;--> statement-breakpoint
DROP SEQUENCE IF EXISTS "tasks_id_seq";--> statement-breakpoint
UPDATE "tasks" SET "id" = "numbered"."number"
  FROM (SELECT "id", row_number() OVER (PARTITION BY "user_id" ORDER BY "created_at", "id") AS "number" FROM "tasks") AS "numbered"
  WHERE "tasks"."id" = "numbered"."id";--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_pkey" PRIMARY KEY("user_id","id");--> statement-breakpoint
INSERT INTO "task_numbers" ("user_id", "last_id") SELECT "user_id", max("id") FROM "tasks" GROUP BY "user_id";--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "change_group" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "task_changes" ADD CONSTRAINT "task_changes_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_numbers" ADD CONSTRAINT "task_numbers_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_changes_user_id_idx" ON "task_changes" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "task_changes_group_idx" ON "task_changes" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "tasks_deleted_at_idx" ON "tasks" USING btree ("deleted_at") WHERE "tasks"."deleted_at" is not null;