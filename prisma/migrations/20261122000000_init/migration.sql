-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT,
    "arrChannel" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'nb',
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Oslo',
    "jurisdiction" TEXT NOT NULL DEFAULT 'NO',
    "roles" TEXT NOT NULL DEFAULT '',
    "leaderId" TEXT,
    "slackUserId" TEXT,
    "slackTeamId" TEXT,
    "slackDmChannel" TEXT,
    "teamsUserId" TEXT,
    "teamsTenantId" TEXT,
    "teamsConversationRef" TEXT,
    "unreachableSince" DATETIME,
    "unreachableReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Person_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LeaderSubstitution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "leaderId" TEXT NOT NULL,
    "substituteId" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "untilDate" TEXT,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LeaderSubstitution_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LeaderSubstitution_substituteId_fkey" FOREIGN KEY ("substituteId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AbsencePeriod" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT,
    "grade" INTEGER NOT NULL DEFAULT 100,
    "type" TEXT NOT NULL DEFAULT 'sick',
    "document" TEXT,
    "reportedVia" TEXT NOT NULL,
    "reportedById" TEXT,
    "reportedOn" TEXT NOT NULL,
    "supersededAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AbsencePeriod_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SickCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT,
    "open" BOOLEAN NOT NULL DEFAULT true,
    "sickDays" INTEGER NOT NULL DEFAULT 0,
    "voidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SickCase_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MilestoneState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseId" TEXT NOT NULL,
    "milestoneId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "snoozedUntil" TEXT,
    "reason" TEXT,
    "setById" TEXT,
    "setAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MilestoneState_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SickCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "via" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Consent_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "detail" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_platform_externalId_key" ON "Workspace"("platform", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Person_slackUserId_key" ON "Person"("slackUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_teamsUserId_key" ON "Person"("teamsUserId");

-- CreateIndex
CREATE INDEX "Person_leaderId_idx" ON "Person"("leaderId");

-- CreateIndex
CREATE INDEX "LeaderSubstitution_leaderId_idx" ON "LeaderSubstitution"("leaderId");

-- CreateIndex
CREATE INDEX "LeaderSubstitution_substituteId_idx" ON "LeaderSubstitution"("substituteId");

-- CreateIndex
CREATE INDEX "AbsencePeriod_personId_supersededAt_idx" ON "AbsencePeriod"("personId", "supersededAt");

-- CreateIndex
CREATE INDEX "SickCase_personId_idx" ON "SickCase"("personId");

-- CreateIndex
CREATE INDEX "SickCase_open_idx" ON "SickCase"("open");

-- CreateIndex
CREATE UNIQUE INDEX "MilestoneState_caseId_milestoneId_key" ON "MilestoneState"("caseId", "milestoneId");

-- CreateIndex
CREATE INDEX "Consent_personId_kind_idx" ON "Consent"("personId", "kind");

-- CreateIndex
CREATE INDEX "AuditLog_subjectId_at_idx" ON "AuditLog"("subjectId", "at");

