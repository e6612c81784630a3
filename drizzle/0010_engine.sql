CREATE TABLE "engine_effects" (
	"key" text PRIMARY KEY NOT NULL,
	"result" jsonb,
	"done_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engine_instances" (
	"executor_id" text PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"pid" integer NOT NULL,
	"version" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"beat_at" timestamp with time zone NOT NULL,
	"stopped_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "engine_effects_done_idx" ON "engine_effects" USING btree ("done_at");--> statement-breakpoint
CREATE INDEX "engine_instances_beat_idx" ON "engine_instances" USING btree ("beat_at");