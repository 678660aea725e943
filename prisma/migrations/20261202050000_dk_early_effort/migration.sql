-- CreateTable
CREATE TABLE "EarlyScreening" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "round" TEXT NOT NULL,
    "assessment" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "leaderId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EarlyScreening_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SickCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FastTrackRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "initiatedBy" TEXT NOT NULL,
    "initiatedById" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "agreedAt" DATETIME,
    "declinedAt" DATETIME,
    "submittedAt" DATETIME,
    "submittedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FastTrackRequest_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SickCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "EarlyScreening_caseId_round_key" ON "EarlyScreening"("caseId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "FastTrackRequest_caseId_key" ON "FastTrackRequest"("caseId");

