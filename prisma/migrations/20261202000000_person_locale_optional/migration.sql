-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "locale" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Oslo',
    "jurisdiction" TEXT NOT NULL DEFAULT 'NO',
    "roles" TEXT NOT NULL DEFAULT '',
    "phone" TEXT,
    "leaderId" TEXT,
    "slackUserId" TEXT,
    "slackTeamId" TEXT,
    "slackDmChannel" TEXT,
    "teamsUserId" TEXT,
    "teamsTenantId" TEXT,
    "teamsConversationRef" TEXT,
    "unreachableSince" DATETIME,
    "unreachableReason" TEXT,
    "contactPreferences" TEXT,
    "remindersPlannedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Person_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Person" ("contactPreferences", "createdAt", "email", "id", "jurisdiction", "leaderId", "locale", "name", "phone", "remindersPlannedAt", "roles", "slackDmChannel", "slackTeamId", "slackUserId", "teamsConversationRef", "teamsTenantId", "teamsUserId", "timeZone", "unreachableReason", "unreachableSince", "updatedAt") SELECT "contactPreferences", "createdAt", "email", "id", "jurisdiction", "leaderId", "locale", "name", "phone", "remindersPlannedAt", "roles", "slackDmChannel", "slackTeamId", "slackUserId", "teamsConversationRef", "teamsTenantId", "teamsUserId", "timeZone", "unreachableReason", "unreachableSince", "updatedAt" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");
CREATE UNIQUE INDEX "Person_slackUserId_key" ON "Person"("slackUserId");
CREATE UNIQUE INDEX "Person_teamsUserId_key" ON "Person"("teamsUserId");
CREATE INDEX "Person_leaderId_idx" ON "Person"("leaderId");
CREATE INDEX "Person_updatedAt_idx" ON "Person"("updatedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

