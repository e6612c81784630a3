ALTER TABLE "agent_runs" ADD COLUMN "approvals" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "agent_teams" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;