-- CreateTable
CREATE TABLE "TeamRoutine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "leaderId" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "writtenById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RoutineResponse" (
    "personId" TEXT NOT NULL PRIMARY KEY,
    "routineId" TEXT NOT NULL,
    "routineVersion" INTEGER NOT NULL,
    "offeredAt" DATETIME NOT NULL,
    "answer" TEXT,
    "answeredAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "TeamRoutine_leaderId_key" ON "TeamRoutine"("leaderId");

-- CreateIndex
CREATE INDEX "RoutineResponse_routineId_idx" ON "RoutineResponse"("routineId");

