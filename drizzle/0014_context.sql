CREATE TABLE "context_entries" (
	"space_id" text NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"value" jsonb,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "context_entries_space_id_key_pk" PRIMARY KEY("space_id","key")
);
--> statement-breakpoint
CREATE TABLE "context_entry_versions" (
	"space_id" text NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"value" jsonb,
	"change" text NOT NULL,
	"diff" jsonb NOT NULL,
	"author_id" text,
	"deleted" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "context_entry_versions_space_id_key_version_pk" PRIMARY KEY("space_id","key","version")
);
--> statement-breakpoint
CREATE TABLE "context_members" (
	"space_id" text NOT NULL,
	"member_kind" text NOT NULL,
	"member_id" text NOT NULL,
	"role" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "context_members_space_id_member_kind_member_id_pk" PRIMARY KEY("space_id","member_kind","member_id")
);
--> statement-breakpoint
CREATE TABLE "context_spaces" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"name" text NOT NULL,
	"run_kind" text,
	"run_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "context_entries" ADD CONSTRAINT "context_entries_space_id_context_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."context_spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "context_entry_versions" ADD CONSTRAINT "context_entry_versions_space_id_context_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."context_spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "context_members" ADD CONSTRAINT "context_members_space_id_context_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."context_spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "context_spaces" ADD CONSTRAINT "context_spaces_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "context_entries_tombstone_idx" ON "context_entries" USING btree ("updated_at") WHERE "context_entries"."value" is null;--> statement-breakpoint
CREATE INDEX "context_members_member_idx" ON "context_members" USING btree ("member_kind","member_id");--> statement-breakpoint
CREATE INDEX "context_spaces_owner_idx" ON "context_spaces" USING btree ("owner_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "context_spaces_run_idx" ON "context_spaces" USING btree ("run_kind","run_id");