-- CreateTable
CREATE TABLE "CaseFact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseFact_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SickCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CaseFact_createdAt_idx" ON "CaseFact"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaseFact_caseId_kind_on_key" ON "CaseFact"("caseId", "kind", "on");
