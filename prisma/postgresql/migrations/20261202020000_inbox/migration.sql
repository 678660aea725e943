-- CreateTable
CREATE TABLE "Inbox" (
    "id" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "partition" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" TIMESTAMP(3),
    "claimedBy" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "Inbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Inbox_dedupeKey_key" ON "Inbox"("dedupeKey");

-- CreateIndex
CREATE INDEX "Inbox_channel_status_id_idx" ON "Inbox"("channel", "status", "id");

-- CreateIndex
CREATE INDEX "Inbox_partition_status_idx" ON "Inbox"("partition", "status");

-- CreateIndex
CREATE INDEX "Inbox_status_processedAt_idx" ON "Inbox"("status", "processedAt");

