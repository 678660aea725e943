-- CreateTable
CREATE TABLE "Inbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "partition" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" DATETIME,
    "claimedBy" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "Inbox_dedupeKey_key" ON "Inbox"("dedupeKey");

-- CreateIndex
CREATE INDEX "Inbox_channel_status_id_idx" ON "Inbox"("channel", "status", "id");

-- CreateIndex
CREATE INDEX "Inbox_partition_status_idx" ON "Inbox"("partition", "status");

-- CreateIndex
CREATE INDEX "Inbox_status_processedAt_idx" ON "Inbox"("status", "processedAt");

