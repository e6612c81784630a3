ALTER TABLE "prompts" ALTER COLUMN "owner_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "prompts" ADD COLUMN "source" text DEFAULT 'library' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "prompts_file_name_idx" ON "prompts" USING btree ("name") WHERE "prompts"."source" = 'file';