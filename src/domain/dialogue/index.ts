// Public API of the dialogue engine and the shipped dialogues.
export * from "./schema.js";
export { evaluateCondition, referencedSteps, type AnswerLookup } from "./conditions.js";
export { validateDefinition, definitionKeys, defineDialogue } from "./validate.js";
export {
  startSession,
  applyCommand,
  renderPrompt,
  progress,
  currentStep,
  commandStepId,
  type ApplyContext,
  type ApplyResult,
  type DialogueCommand,
  type Outcome,
  type RenderContext,
  type StartContext,
} from "./engine.js";
export { parseTextAnswer, labelsFromTranslators, type LabelLookup, type ParseResult } from "./parse.js";
export { snapshotAnswers, type SnapshotContext } from "./snapshot.js";
export { displayValue } from "./display.js";
export { activePath } from "./navigation.js";
export { MORE, answerKey, type Cursor, type LocalizedReason, type PendingGuard, type SessionState } from "./state.js";
export { dialogues, getDialogue, isDialogueId, DIALOGUE_IDS, type DialogueId } from "./definitions/index.js";
