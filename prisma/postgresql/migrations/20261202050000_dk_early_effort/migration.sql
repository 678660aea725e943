-- CreateTable
CREATE TABLE "EarlyScreening" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "round" TEXT NOT NULL,
    "assessment" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "leaderId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EarlyScreening_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FastTrackRequest" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "initiatedBy" TEXT NOT NULL,
    "initiatedById" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "agreedAt" TIMESTAMP(3),
    "declinedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FastTrackRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EarlyScreening_caseId_round_key" ON "EarlyScreening"("caseId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "FastTrackRequest_caseId_key" ON "FastTrackRequest"("caseId");

-- AddForeignKey
ALTER TABLE "EarlyScreening" ADD CONSTRAINT "EarlyScreening_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SickCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FastTrackRequest" ADD CONSTRAINT "FastTrackRequest_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SickCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

