-- AlterTable
ALTER TABLE "Person" ADD COLUMN "remindersPlannedAt" DATETIME;

-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN "subjectId" TEXT;

-- AlterTable
ALTER TABLE "Lease" ADD COLUMN "watermark" DATETIME;

-- CreateIndex
CREATE INDEX "Person_updatedAt_idx" ON "Person"("updatedAt");

-- CreateIndex
CREATE INDEX "LeaderSubstitution_createdAt_idx" ON "LeaderSubstitution"("createdAt");

-- CreateIndex
CREATE INDEX "LeaderSubstitution_endedAt_idx" ON "LeaderSubstitution"("endedAt");

-- CreateIndex
CREATE INDEX "AbsencePeriod_updatedAt_idx" ON "AbsencePeriod"("updatedAt");

-- CreateIndex
CREATE INDEX "MilestoneState_setAt_idx" ON "MilestoneState"("setAt");

-- CreateIndex
CREATE INDEX "Consent_createdAt_idx" ON "Consent"("createdAt");

-- CreateIndex
CREATE INDEX "DialogueSession_updatedAt_idx" ON "DialogueSession"("updatedAt");

-- CreateIndex
CREATE INDEX "Plan_updatedAt_idx" ON "Plan"("updatedAt");

-- CreateIndex
CREATE INDEX "Measure_updatedAt_idx" ON "Measure"("updatedAt");

-- CreateIndex
CREATE INDEX "Outbox_subjectId_status_idx" ON "Outbox"("subjectId", "status");

