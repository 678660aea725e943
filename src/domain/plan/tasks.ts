// Assessed tasks are stored as one list with a primary view and, where both parties
// assessed a task, the other party's view beside it. Merging and protecting a party's
// assessments work on the per-party lists, so these two functions convert both ways.
import type { Adjustment, TaskAbility } from "./fields.js";
import type { AssessedTask, PlanRole } from "./model.js";

export interface RoleTaskView {
  name: string;
  ability: TaskAbility;
  adjustments: Adjustment[];
  note?: string;
}

/** Task names match regardless of case and spacing ("Kundemøter " = "kundemøter"). */
export function taskKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("nb");
}

export function splitTaskViews(tasks: readonly AssessedTask[]): Record<PlanRole, RoleTaskView[]> {
  const result: Record<PlanRole, RoleTaskView[]> = { employee: [], leader: [] };
  for (const task of tasks) {
    result[task.assessedBy].push(viewOf(task.name, task));
    if (task.otherView) result[task.otherView.by].push(viewOf(task.name, task.otherView));
  }
  return result;
}

/** The employee's order first, then tasks only the leader assessed. */
export function combineTaskViews(employee: readonly RoleTaskView[], leader: readonly RoleTaskView[]): AssessedTask[] {
  const leaderByKey = new Map(leader.map((view) => [taskKey(view.name), view]));
  const used = new Set<string>();
  const tasks: AssessedTask[] = [];
  for (const view of employee) {
    const key = taskKey(view.name);
    if (used.has(key)) continue;
    used.add(key);
    const other = leaderByKey.get(key);
    tasks.push({
      ...withoutName(view),
      name: view.name,
      assessedBy: "employee",
      ...(other ? { otherView: { by: "leader" as const, ...withoutName(other) } } : {}),
    });
  }
  for (const view of leader) {
    const key = taskKey(view.name);
    if (used.has(key)) continue;
    used.add(key);
    tasks.push({ ...withoutName(view), name: view.name, assessedBy: "leader" });
  }
  return tasks;
}

/** True when the other view says something the primary one does not. */
export function otherViewDiffers(task: AssessedTask): boolean {
  const other = task.otherView;
  if (!other) return false;
  const sameAdjustments =
    other.adjustments.length === task.adjustments.length && other.adjustments.every((a) => task.adjustments.includes(a));
  return other.ability !== task.ability || !sameAdjustments || (other.note ?? "") !== (task.note ?? "");
}

function viewOf(name: string, source: { ability: TaskAbility; adjustments: Adjustment[]; note?: string | undefined }): RoleTaskView {
  return {
    name,
    ability: source.ability,
    adjustments: [...source.adjustments],
    ...(source.note !== undefined ? { note: source.note } : {}),
  };
}

function withoutName(view: RoleTaskView): { ability: TaskAbility; adjustments: Adjustment[]; note?: string } {
  return {
    ability: view.ability,
    adjustments: [...view.adjustments],
    ...(view.note !== undefined ? { note: view.note } : {}),
  };
}
