-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "phone" TEXT;

-- AlterTable
ALTER TABLE "PlanVersion" ADD COLUMN     "sentToDoctorAt" TIMESTAMP(3),
ADD COLUMN     "sentToNavAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "NavSubmission" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "recipient" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "navUuid" TEXT,
    "errorType" TEXT,
    "requestedById" TEXT,
    "tries" INTEGER NOT NULL DEFAULT 1,
    "outboxKey" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NavSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NavSubmission_planId_idx" ON "NavSubmission"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "NavSubmission_planId_version_recipient_key" ON "NavSubmission"("planId", "version", "recipient");

