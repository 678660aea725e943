-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "locale" TEXT;

