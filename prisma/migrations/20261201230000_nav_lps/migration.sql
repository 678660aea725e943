-- AlterTable
ALTER TABLE "Person" ADD COLUMN "phone" TEXT;

-- AlterTable
ALTER TABLE "PlanVersion" ADD COLUMN "sentToDoctorAt" DATETIME;
ALTER TABLE "PlanVersion" ADD COLUMN "sentToNavAt" DATETIME;

-- CreateTable
CREATE TABLE "NavSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "recipient" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "navUuid" TEXT,
    "errorType" TEXT,
    "requestedById" TEXT,
    "tries" INTEGER NOT NULL DEFAULT 1,
    "outboxKey" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "NavSubmission_planId_idx" ON "NavSubmission"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "NavSubmission_planId_version_recipient_key" ON "NavSubmission"("planId", "version", "recipient");

