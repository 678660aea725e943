-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT,
    "arrChannel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
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
    "unreachableSince" TIMESTAMP(3),
    "unreachableReason" TEXT,
    "contactPreferences" TEXT,
    "remindersPlannedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaderSubstitution" (
    "id" TEXT NOT NULL,
    "leaderId" TEXT NOT NULL,
    "substituteId" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "untilDate" TEXT,
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaderSubstitution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AbsencePeriod" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT,
    "grade" INTEGER NOT NULL DEFAULT 100,
    "type" TEXT NOT NULL DEFAULT 'sick',
    "document" TEXT,
    "reportedVia" TEXT NOT NULL,
    "reportedById" TEXT,
    "reportedOn" TEXT NOT NULL,
    "supersededAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AbsencePeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SickCase" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT,
    "open" BOOLEAN NOT NULL DEFAULT true,
    "sickDays" INTEGER NOT NULL DEFAULT 0,
    "voidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SickCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MilestoneState" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "milestoneId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "snoozedUntil" TEXT,
    "reason" TEXT,
    "setById" TEXT,
    "setAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MilestoneState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "via" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "detail" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DialogueSession" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "caseId" TEXT,
    "dialogueId" TEXT NOT NULL,
    "dialogueVersion" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DialogueSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "caseId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "draft" TEXT,
    "latestVersion" INTEGER NOT NULL DEFAULT 0,
    "hiddenFromLeaderAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanVersion" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewStatus" TEXT NOT NULL DEFAULT 'pending',
    "reviewedAt" TIMESTAMP(3),
    "disagreement" TEXT,

    CONSTRAINT "PlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "owner" TEXT,
    "dueDate" TEXT,
    "status" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipientId" TEXT,
    "target" TEXT NOT NULL DEFAULT 'person',
    "payload" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "channel" TEXT,
    "sentAt" TIMESTAMP(3),
    "caseId" TEXT,
    "milestoneId" TEXT,
    "measureId" TEXT,
    "subjectId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostedMessage" (
    "id" TEXT NOT NULL,
    "replaceKey" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PostedMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsoleInbox" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "ConsoleInbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "watermark" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "ChannelConversation" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "workspaceId" TEXT,
    "kind" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "personId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelConversation_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "Person_updatedAt_idx" ON "Person"("updatedAt");

-- CreateIndex
CREATE INDEX "LeaderSubstitution_leaderId_idx" ON "LeaderSubstitution"("leaderId");

-- CreateIndex
CREATE INDEX "LeaderSubstitution_substituteId_idx" ON "LeaderSubstitution"("substituteId");

-- CreateIndex
CREATE INDEX "LeaderSubstitution_createdAt_idx" ON "LeaderSubstitution"("createdAt");

-- CreateIndex
CREATE INDEX "LeaderSubstitution_endedAt_idx" ON "LeaderSubstitution"("endedAt");

-- CreateIndex
CREATE INDEX "AbsencePeriod_personId_supersededAt_idx" ON "AbsencePeriod"("personId", "supersededAt");

-- CreateIndex
CREATE INDEX "AbsencePeriod_updatedAt_idx" ON "AbsencePeriod"("updatedAt");

-- CreateIndex
CREATE INDEX "SickCase_personId_idx" ON "SickCase"("personId");

-- CreateIndex
CREATE INDEX "SickCase_open_idx" ON "SickCase"("open");

-- CreateIndex
CREATE INDEX "MilestoneState_setAt_idx" ON "MilestoneState"("setAt");

-- CreateIndex
CREATE UNIQUE INDEX "MilestoneState_caseId_milestoneId_key" ON "MilestoneState"("caseId", "milestoneId");

-- CreateIndex
CREATE INDEX "Consent_personId_kind_idx" ON "Consent"("personId", "kind");

-- CreateIndex
CREATE INDEX "Consent_createdAt_idx" ON "Consent"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_subjectId_at_idx" ON "AuditLog"("subjectId", "at");

-- CreateIndex
CREATE INDEX "DialogueSession_personId_status_idx" ON "DialogueSession"("personId", "status");

-- CreateIndex
CREATE INDEX "DialogueSession_subjectId_dialogueId_idx" ON "DialogueSession"("subjectId", "dialogueId");

-- CreateIndex
CREATE INDEX "DialogueSession_status_lastActivityAt_idx" ON "DialogueSession"("status", "lastActivityAt");

-- CreateIndex
CREATE INDEX "DialogueSession_updatedAt_idx" ON "DialogueSession"("updatedAt");

-- CreateIndex
CREATE INDEX "Plan_employeeId_idx" ON "Plan"("employeeId");

-- CreateIndex
CREATE INDEX "Plan_caseId_idx" ON "Plan"("caseId");

-- CreateIndex
CREATE INDEX "Plan_updatedAt_idx" ON "Plan"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PlanVersion_planId_version_key" ON "PlanVersion"("planId", "version");

-- CreateIndex
CREATE INDEX "Measure_status_dueDate_idx" ON "Measure"("status", "dueDate");

-- CreateIndex
CREATE INDEX "Measure_updatedAt_idx" ON "Measure"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Measure_planId_key_key" ON "Measure"("planId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Outbox_idempotencyKey_key" ON "Outbox"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Outbox_status_dueAt_idx" ON "Outbox"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Outbox_recipientId_status_idx" ON "Outbox"("recipientId", "status");

-- CreateIndex
CREATE INDEX "Outbox_caseId_idx" ON "Outbox"("caseId");

-- CreateIndex
CREATE INDEX "Outbox_subjectId_status_idx" ON "Outbox"("subjectId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PostedMessage_replaceKey_channel_target_key" ON "PostedMessage"("replaceKey", "channel", "target");

-- CreateIndex
CREATE INDEX "ConsoleInbox_personId_readAt_idx" ON "ConsoleInbox"("personId", "readAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelConversation_platform_conversationId_key" ON "ChannelConversation"("platform", "conversationId");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaderSubstitution" ADD CONSTRAINT "LeaderSubstitution_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaderSubstitution" ADD CONSTRAINT "LeaderSubstitution_substituteId_fkey" FOREIGN KEY ("substituteId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbsencePeriod" ADD CONSTRAINT "AbsencePeriod_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SickCase" ADD CONSTRAINT "SickCase_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneState" ADD CONSTRAINT "MilestoneState_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SickCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

