CREATE TABLE "agent_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"to_agent_id" text NOT NULL,
	"to_run_id" text,
	"from_agent_id" text,
	"from_run_id" text,
	"correlation_id" text,
	"reply_to" text,
	"capability" text,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"replays" integer DEFAULT 0 NOT NULL,
	"visible_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"acked_at" timestamp with time zone,
	"dead_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agent_team_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"team_id" text NOT NULL,
	"team" jsonb NOT NULL,
	"status" text NOT NULL,
	"input" text NOT NULL,
	"output" text,
	"error" jsonb,
	"turns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"context_space_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "agent_teams" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"pattern" text NOT NULL,
	"members" jsonb NOT NULL,
	"options" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agent_messages" ADD CONSTRAINT "agent_messages_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_team_runs" ADD CONSTRAINT "agent_team_runs_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_team_runs" ADD CONSTRAINT "agent_team_runs_team_id_agent_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."agent_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_teams" ADD CONSTRAINT "agent_teams_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agent_messages_inbox_idx" ON "agent_messages" USING btree ("owner_id","to_agent_id","visible_at") WHERE "agent_messages"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "agent_messages_owner_status_idx" ON "agent_messages" USING btree ("owner_id","status","id");--> statement-breakpoint
CREATE INDEX "agent_messages_run_idx" ON "agent_messages" USING btree ("to_run_id");--> statement-breakpoint
CREATE INDEX "agent_messages_correlation_idx" ON "agent_messages" USING btree ("owner_id","correlation_id");--> statement-breakpoint
CREATE INDEX "agent_team_runs_owner_idx" ON "agent_team_runs" USING btree ("owner_id","team_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "agent_teams_owner_name_idx" ON "agent_teams" USING btree ("owner_id","name");