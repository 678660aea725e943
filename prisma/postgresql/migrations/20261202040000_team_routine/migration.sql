-- CreateTable
CREATE TABLE "TeamRoutine" (
    "id" TEXT NOT NULL,
    "leaderId" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "writtenById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamRoutine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutineResponse" (
    "personId" TEXT NOT NULL,
    "routineId" TEXT NOT NULL,
    "routineVersion" INTEGER NOT NULL,
    "offeredAt" TIMESTAMP(3) NOT NULL,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutineResponse_pkey" PRIMARY KEY ("personId")
);

-- CreateIndex
CREATE UNIQUE INDEX "TeamRoutine_leaderId_key" ON "TeamRoutine"("leaderId");

-- CreateIndex
CREATE INDEX "RoutineResponse_routineId_idx" ON "RoutineResponse"("routineId");

