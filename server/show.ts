// The one source of truth of a running show: program, live state, clock and store; every channel dispatches here.
import { formatDiagnostic, type Diagnostic, type WarningKind } from '../core/program/diagnostics.ts';
import { parseProgramJson } from '../core/program/parse.ts';
import { stateJson, type ProgramStatusJson, type StateJson } from '../core/contract/state.ts';
import type { ActionAnswerJson } from '../core/contract/answer.ts';
import { z } from 'zod';
import { isProgramAction, PRESET_LENGTH, PRESETS_MAX, type Action, type LiveAction } from '../core/live/actions.ts';
import {
  applyAction,
  describeAction,
  emptyShowState,
  historyLabels,
  peekStep,
  recordEdit,
  StoredEditSchema,
  type ShowState,
  type StoredEdit,
} from '../core/live/history.ts';
import { ActionRejected } from '../core/live/reducer.ts';
import {
  checkEdit,
  editItem,
  fieldLabel,
  mergeValid,
  missingMessage,
  resolveEdit,
  type EditConflict,
  type Merged,
} from '../core/edits/overlay.ts';
import { editFor, shiftBackPlan, type ShiftBackPlan } from '../core/edits/program-actions.ts';
import type { EditsJson, NoteJson } from '../core/contract/state.ts';
import { resolveLive, roomLive, screenChanges, type LiveScreen } from '../core/live/live-screen.ts';
import type { LiveState, OvertimePolicy } from '../core/live/state.ts';
import { buildTimeline, type Timeline } from '../core/schedule/timeline.ts';
import { programChanges, summarizeChanges } from '../core/program/diff.ts';
import { findRoom, type RoomMatch } from '../core/program/rooms.ts';
import { isoInZone } from '../core/time.ts';
import type { ProgramChange, ProgramSource } from './program/program-watcher.ts';
import type { StateStore } from './store/state-store.ts';
import { SaveQueue } from './store/save-queue.ts';
import { programKey, type CentralStatus, type ReplicaJson } from './replica.ts';
import type { Program } from '../core/program/schema.ts';
import type { ShowClock } from './clock.ts';
import type { OperatorLog } from './operator-log.ts';
import type { LogEntry } from '../core/report/log-entry.ts';
import { timingReport, type TimingReport } from '../core/report/timing.ts';
import type { Edit } from '../core/edits/overlay.ts';

export type ShowEvent = 'action' | 'program' | 'tick' | 'screens';

interface StageMark {
  itemId: string | null;
  startedAt: number | null;
  /** When it leaves the stage as far as was known at the last look. */
  endsAt: number | null;
}

/**
 * Who a state is for: the control view gets the program's warnings (summarised), the edits and every note; the
 * chair its notes; the door none of these.
 */
export type Audience = 'control' | 'chair' | 'public';

/** Which state an action answers with (see `Show.state`); by default the control view's, with its lists. */
export interface StateFor {
  audience?: Audience;
  lists?: boolean;
}

/** The overlay file: the operators' edits of the program and the preset messages, beside the live state. */
export interface OverlayFile {
  edits: StoredEdit[];
  presets: string[];
}

export const OVERLAY_FORMAT = 1;

const OverlaySchema = z.object({
  edits: z.array(StoredEditSchema),
  presets: z.array(z.string().max(PRESET_LENGTH)).max(PRESETS_MAX),
});

/** Throws with the first problem when `data` is not an overlay file's content. */
export function validateOverlay(data: unknown): OverlayFile {
  const parsed = OverlaySchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(`${issue.path.join('.') || 'overlay'}: ${issue.message}`);
}

export const DEFAULT_PRESETS = ['5 minutes left', 'Wrap up, please', 'Time for questions', 'Please use the microphone'];

/** How many warning lines the control view gets; the rest are counted. */
export const WARNINGS_SHOWN = 20;

/** The longest a push may wait, so that a wall-clock jump (NTP) is caught up within this many real ms. */
const MAX_PUSH_WAIT_MS = 30_000;

export class Show {
  private timeline: Timeline;
  /** The program as its source has it, without the operators' edits (the last good version). */
  private source: Program;
  private saved: ShowState;
  /** The program as loaded, with the operators' edits applied on top (the timeline is built from it). */
  private merged: Merged;
  /** Edits that no longer apply to the source (the merged program would be invalid), with the reason. */
  private refused: EditConflict[] = [];
  private presets: string[];
  private readonly overlay: StateStore<OverlayFile> | null;
  private storeWarning: string | null;
  private rejected: ProgramStatusJson['problem'] = null;
  /** The last reload that changed items: "3 changes: 'X' moved 14:00–14:30 → 14:30–15:00, …" for the control. */
  private lastChange: ProgramStatusJson['lastChange'] = null;
  private readonly listeners = new Set<(event: ShowEvent) => void>();
  private pushTimer: ReturnType<typeof setTimeout> | null = null;
  /** The state file's saves, in the background, in order, merged when they come faster than the disk. */
  private readonly saves: SaveQueue<ShowState> | null;
  private readonly unwatch: () => void;
  private summaryOf: {
    snapshot: ProgramSource['current'];
    merged: Merged;
    summary: { count: number; kinds: { kind: WarningKind; count: number }[]; first: string[] };
  } | null = null;

  constructor(
    private readonly watcher: ProgramSource,
    private readonly store: StateStore<ShowState> | null,
    readonly clock: ShowClock,
    readonly defaultRoom: string,
    options: {
      overtime?: OvertimePolicy | null;
      overlay?: StateStore<OverlayFile> | null;
      /** The operator log (every action, edit, refusal and stage change); none in tests that do not need it. */
      log?: OperatorLog | null;
    } = {},
  ) {
    const loaded = store?.load() ?? { state: null, warning: null };
    const saved = loaded.state ?? emptyShowState();
    this.overlay = options.overlay ?? null;
    const overlay = this.overlay?.load() ?? { state: null, warning: null };
    // The configured default applies to every room whose operators did not choose; it is not an undoable step.
    this.saved = {
      ...saved,
      live: { ...saved.live, overtimeDefault: options.overtime ?? null },
      edits: overlay.state?.edits ?? [],
    };
    this.presets = overlay.state?.presets ?? [...DEFAULT_PRESETS];
    this.storeWarning = loaded.warning ?? overlay.warning;
    this.saves = store
      ? new SaveQueue(
          (state) => store.saveAsync(state),
          (err) => this.saveSettled(err),
        )
      : null;
    this.source = watcher.current.program;
    this.merged = this.mergeEdits(this.source);
    this.timeline = buildTimeline(this.merged.program);
    this.log = options.log ?? null;
    this.logRehearsal = clock.rehearsal;
    this.resumeStages();
    this.unwatch = watcher.onChange((change) => this.onProgramChange(change));
    this.schedulePush(this.clock.now());
  }

  get rooms(): string[] {
    return [...this.timeline.rooms.keys()];
  }

  /** The program the screens show: the source with the operators' edits. */
  get program() {
    return this.timeline.program;
  }

  /** The edits that apply (one that would make the program invalid since the source changed is left out). */
  private activeEdits() {
    const refused = new Set(this.refused.map((c) => c.index));
    return this.saved.edits.filter((_, i) => !refused.has(i)).map((e) => e.edit);
  }

  /**
   * The source with the edits on top. An edit that makes the merged program invalid (the source changed under it)
   * is left out and reported, never dropped: it stays in the overlay and comes back if the source allows it again.
   */
  private mergeEdits(source: Program): Merged {
    const { merged, refused } = mergeValid(
      source,
      this.saved.edits.map((e) => e.edit),
    );
    this.refused = refused;
    return merged;
  }

  /** Settles a conflict of edit `editId` with the source: keep the operator's value, or take the source's. */
  private resolve(editId: number, keep: 'yours' | 'theirs', at: number): void {
    const index = this.saved.edits.findIndex((e) => e.id === editId);
    const was = this.saved.edits[index];
    if (!was) throw new ActionRejected(`no edit ${editId}`);
    const before = this.saved.edits.slice(0, index).map((e) => e.edit);
    const edit = resolveEdit(this.source, before, was.edit, keep);
    if (edit !== null && JSON.stringify(edit) === JSON.stringify(was.edit))
      throw new ActionRejected(`edit ${editId} has no conflict to resolve that way`);
    const item = editItem(was.edit);
    const title = this.timeline.byId.get(item)?.title ?? item;
    const label = `${keep === 'yours' ? 'Keep yours' : 'Take theirs'} for “${title}”`;
    const room = this.timeline.byId.get(item)?.room ?? this.defaultRoom;
    this.saved = recordEdit(this.saved, room, label, edit ? { ...was, at, edit } : null, was);
  }

  /**
   * The titles of items a reload of the source took away, by id: an edit of one is listed by the title the operator
   * knew ("“Agent frameworks” (d2-pan) is no longer in the program"), not by its id alone. Until the server stops.
   */
  private readonly goneTitles = new Map<string, string>();

  /** What the control view shows of the edits: each edited item with what changed, and the conflicts. */
  private editsJson(): EditsJson {
    const titleOf = (id: string) => this.timeline.byId.get(id)?.title ?? id;
    const messageOf = (c: { kind: string; itemId: string; message: string }) => {
      const gone = this.goneTitles.get(c.itemId);
      return c.kind === 'missing' && gone !== undefined && c.message === missingMessage(c.itemId)
        ? `“${gone}” (${c.itemId}) is no longer in the program`
        : c.message;
    };
    return {
      count: this.saved.edits.length,
      items: [...this.merged.edits].map(([itemId, e]) => ({
        itemId,
        title: titleOf(itemId),
        changed: [...e.changed].map(([field, was]) => ({ field, label: fieldLabel(field), was })),
        cancelled: e.cancelled ? { reason: e.cancelled.reason, public: e.cancelled.publicReason } : null,
        added: e.added,
        ...(e.added ? this.shiftBackJson(itemId) : {}),
      })),
      conflicts: [...this.merged.conflicts, ...this.refused].map((c) => ({
        editId: this.saved.edits[c.index]?.id ?? null,
        itemId: c.itemId,
        kind: c.kind,
        message: messageOf(c),
        field: c.kind === 'changed-in-source' ? c.field : null,
        yours: c.kind === 'changed-in-source' ? c.yours : null,
        theirs: c.kind === 'changed-in-source' ? c.theirs : null,
      })),
    };
  }

  /**
   * What removing an added item with shiftBack would do, for the editor to offer it (none: it moved nothing). Made
   * once per merge of the edits (a control's every state asks for it).
   */
  private shiftBackJson(itemId: string): { shiftBack?: ShiftBackPlan } {
    if (this.shiftBackPlans?.merged !== this.merged) this.shiftBackPlans = { merged: this.merged, plans: new Map() };
    const plans = this.shiftBackPlans.plans;
    if (!plans.has(itemId))
      plans.set(itemId, shiftBackPlan(this.merged.program, this.timeline, this.activeEdits(), itemId, this.source));
    const plan = plans.get(itemId);
    return plan && (plan.back.length || plan.kept.length) ? { shiftBack: plan } : {};
  }

  private shiftBackPlans: { merged: Merged; plans: Map<string, ShiftBackPlan | null> } | null = null;

  /** A box following a central server shows the central server's notes (null: this show's own). */
  private centralNotes: Map<string, { av: string | null; chair: string | null }> | null = null;

  adoptNotes(notes: NoteJson[]): void {
    const next = new Map(notes.map((n) => [n.itemId, { av: n.av, chair: n.chair }]));
    if (this.centralNotes && JSON.stringify([...this.centralNotes]) === JSON.stringify([...next])) return;
    this.centralNotes = next;
    this.emit('program');
  }

  private notesJson(audience: Audience): NoteJson[] {
    if (audience === 'public') return [];
    const notes: NoteJson[] = [];
    for (const [itemId, n] of this.centralNotes ?? this.merged.notes) {
      const note = { itemId, av: audience === 'control' ? n.av : null, chair: n.chair };
      if (note.av !== null || note.chair !== null) notes.push(note);
    }
    return notes;
  }

  hasRoom(room: string): boolean {
    return this.timeline.rooms.has(room);
  }

  /** The room a person named by its id or its displayed name (case and accents ignored). */
  findRoom(query: string): RoomMatch {
    return findRoom(this.program.rooms, query);
  }

  /**
   * Applies an action (throws ActionRejected when it does not apply now) and starts saving it (see `act`). `who` is
   * the control tab's name or address, kept with an edit.
   */
  dispatch(action: Action, who = 'unknown', answer: StateFor = {}): StateJson {
    return this.state(this.applyAction(action, who), answer.audience, answer.lists);
  }

  /** `dispatch` without making a state to answer with: the room the action was for. */
  private applyAction(action: Action, who: string): string {
    const at = this.clock.now();
    const room = action.room ?? this.defaultRoom;
    // What the clock did since the last look goes in the log before what this action does.
    this.noteStages(at, null);
    const before = this.log ? this.snapshot(action, room, at) : null;
    const timelineBefore = this.timeline;
    const warning = this.storeWarning;
    try {
      this.apply(action, who, at);
    } catch (err) {
      if (err instanceof ActionRejected) {
        this.writeLog({ kind: 'refused', ...this.stamp(at, room, who), type: action.type, reason: err.message });
      }
      throw err;
    }
    if (before) this.logDone(action, room, who, at, before, timelineBefore);
    this.noteStages(at, who);
    // The log's own warning (a full disk) reaches the screens that were just pushed to, and the answer.
    if (this.storeWarning !== warning) this.emit('action');
    return room;
  }

  private apply(action: Action, who: string, at: number): void {
    if (action.type === 'presets.set') {
      this.presets = action.texts;
      // A new state like any action's (the control's presets are in it): a new seq, saved with the live state.
      this.saved = { ...this.saved, live: { ...this.live, seq: this.live.seq + 1 } };
      this.saveOverlay();
      void this.save();
      this.emit('action');
      return;
    }
    const editsBefore = this.saved.edits;
    if (action.type === 'program.edit.resolve') {
      this.resolve(action.editId, action.keep, at);
    } else if (isProgramAction(action)) {
      const request = editFor(
        this.merged.program,
        this.timeline,
        action,
        this.defaultRoom,
        this.activeEdits(),
        this.source,
      );
      const check = checkEdit(this.source, this.activeEdits(), request.edit);
      if (!check.ok) throw new ActionRejected(check.reason);
      const id = Math.max(this.saved.live.seq, ...this.saved.edits.map((e) => e.id)) + 1;
      this.saved = recordEdit(this.saved, request.room, request.label, { id, at, who, edit: request.edit });
      this.lastEdit = { label: request.label, room: request.room, edit: request.edit };
    } else {
      if (action.type === 'redo') {
        // Redoing an edit must still make a valid program (the source may have changed since it was undone).
        const step = peekStep(this.saved, action.room ?? this.defaultRoom, 'redo');
        if (step?.edit) {
          const check = checkEdit(this.source, this.activeEdits(), step.edit.edit);
          if (!check.ok) throw new ActionRejected(`cannot redo "${step.label}": ${check.reason}`);
        }
      }
      this.saved = applyAction(this.timeline, this.saved, action, at, this.defaultRoom);
    }
    if (this.saved.edits !== editsBefore) {
      this.merged = this.mergeEdits(this.source);
      this.timeline = buildTimeline(this.merged.program);
      this.saveOverlay();
    }
    // The save starts first: its line is written and its fdatasync asked for (off the event loop), and the disk
    // works while the screens get their states. The screens need not wait for the disk (they may show a state a
    // moment before it is durable); the answer to the operator does (`act`), so that an acknowledged action is on
    // disk. Saves are written in the order of the actions (SaveQueue). A save that changes the store warning pushes
    // again.
    void this.save();
    this.emit('action');
    this.schedulePush(at);
  }

  private get live(): LiveState {
    return this.saved.live;
  }

  /**
   * What a room shows at `at`, worked out once for a given program and live state: an action asks for the same room
   * and instant up to six times (its log's before and after, its stages, the push, the next change's timer), and a
   * push asks for every other room once per room and audience (what is on elsewhere). The last result per room is
   * kept; any new program, live state or instant works it out again.
   */
  private resolved(room: string, at: number): LiveScreen {
    if (this.resolvedFor !== this.timeline) {
      this.resolvedCache.clear();
      this.resolvedFor = this.timeline;
    }
    const hit = this.resolvedCache.get(room);
    if (hit && hit.live === this.live && hit.at === at) return hit.screen;
    const screen = resolveLive(this.timeline, this.live, room, at);
    this.resolvedCache.set(room, { live: this.live, at, screen });
    return screen;
  }
  private resolvedFor: Timeline | null = null;
  private readonly resolvedCache = new Map<string, { live: LiveState; at: number; screen: LiveScreen }>();

  /** Set on a box that follows a central server (`--server`): whether it is reachable, for the control view. */
  central: CentralStatus | null = null;

  /**
   * A box following a central server takes its live state as it is: the central server decides. What this box did
   * while it was offline is replaced, and its undo history with it (it described states that no longer exist).
   */
  adoptLive(live: LiveState, notes?: NoteJson[]): void {
    if (notes !== undefined) this.adoptNotes(notes);
    if (JSON.stringify(live) === JSON.stringify(this.saved.live) && this.saved.edits.length === 0) return;
    // Its program is the central server's with the central edits applied: edits made here offline go too.
    const hadEdits = this.saved.edits.length > 0;
    const at = this.clock.now();
    this.saved = { live, history: [], edits: [] };
    if (hadEdits) {
      this.merged = this.mergeEdits(this.source);
      this.timeline = buildTimeline(this.merged.program);
      this.saveOverlay();
    }
    void this.save(); // first, as in `apply`: the disk works while the screens get their states
    this.emit('action');
    this.schedulePush(at);
  }

  /** The central server came or went: the control view's mark changes. */
  centralChanged(status: CentralStatus): void {
    // In the show's time (a rehearsal clock differs from the real one), as the control view prints it.
    this.central = { ...status, offlineSince: status.online ? null : this.clock.now() };
    this.emit('program');
  }

  /** A box's clock moved with its central server's (a rehearsal started, ended or jumped): every screen gets it. */
  clockChanged(): void {
    const at = this.clock.now();
    this.emit('tick');
    this.schedulePush(at);
  }

  /** What a box needs to compute every screen by itself (GET /api/replica). */
  replica(): ReplicaJson {
    if (this.replicaKey?.program !== this.program) {
      this.replicaKey = { program: this.program, key: programKey(this.program) };
    }
    return {
      format: 1,
      programKey: this.replicaKey.key,
      program: this.program,
      live: this.live,
      notes: this.notesJson('control'),
      clock: this.clock.json(),
    };
  }
  private replicaKey: { program: Program; key: string } | null = null;

  /**
   * The room's state for an audience. `lists`: the day's and the whole event's items, for the control view (most
   * of a state: the door and the chair never read them, nor does anyone from an action's answer).
   */
  state(room = this.defaultRoom, audience: Audience = 'control', lists = audience === 'control'): StateJson {
    const now = this.clock.now();
    const screen = this.resolved(room, now);
    // What the other rooms have on now, for signage's optional strip (items away from the rooms are everyone's).
    const elsewhere = this.rooms
      .filter((other) => other !== room)
      .map((other) => {
        const s = this.resolved(other, now);
        return { room: other, current: s.current.filter((i) => i.room !== null), next: s.next?.room ? s.next : null };
      });
    const state = stateJson(this.timeline, screen, {
      elsewhere,
      seq: this.live.seq,
      clock: this.clock.json(),
      program: this.programStatus(audience),
      // It names the server's files: the control view's, as the docs say (the doors and the chair never show it).
      storeWarning: audience === 'control' ? this.storeWarning : null,
      history: historyLabels(this.saved, room),
      central: this.central,
      lists,
    });
    const notes = this.notesJson(audience);
    if (audience !== 'control') return { ...state, notes };
    return { ...state, notes, edits: this.editsJson(), presets: this.presets };
  }

  subscribe(listener: (event: ShowEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells listeners that something they show changed (e.g. the list of connected screens). */
  emit(event: ShowEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        // One failing screen or listener must not stop the others, nor the show.
        console.error(`roomcue: a ${event} listener failed:`, err);
      }
    }
  }

  close(): void {
    this.unwatch();
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.listeners.clear();
  }

  private saveOverlay(): void {
    if (!this.overlay) return;
    try {
      this.overlay.save({ edits: this.saved.edits, presets: this.presets });
    } catch (err) {
      this.storeWarning = `cannot save the edits: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  /**
   * Applies an action as `dispatch` does and answers once it is on disk (or its save failed: the answer's
   * storeWarning says so), as an operator's request is answered.
   */
  async act(action: Action, who = 'unknown', answer: StateFor = {}): Promise<StateJson> {
    const state = this.dispatch(action, who, answer);
    if (!this.saves) return state;
    const warning = this.storeWarning;
    await this.saves.flush();
    return warning === this.storeWarning ? state : this.state(state.room, answer.audience, answer.lists);
  }

  /**
   * `act` with the short answer (what a button box and the views get by default): no state is made for it, the
   * screens already have the state of its seq. The seq is the action's own, even if another one came while saving.
   */
  async actShort(action: Action, who = 'unknown'): Promise<ActionAnswerJson> {
    const room = this.applyAction(action, who);
    const seq = this.live.seq;
    await this.saves?.flush();
    return { ok: true, room, seq, storeWarning: this.storeWarning };
  }

  /** The short answer for the room's current state (a box's answer once the central server took its action). */
  answerFor(room: string): ActionAnswerJson {
    return { ok: true, room, seq: this.live.seq, storeWarning: this.storeWarning };
  }

  /** Resolves once every state applied so far is saved (or its save failed). */
  flushSaves(): Promise<void> {
    return this.saves?.flush() ?? Promise.resolve();
  }

  private save(): Promise<void> {
    // The edits have their own file (the overlay); the state file keeps the live state and the history.
    return this.saves?.save({ ...this.saved, edits: [] }) ?? Promise.resolve();
  }

  /** How a save ended: a failed one warns the control view (the show goes on from memory), a good one clears it. */
  private saveSettled(err: unknown): void {
    const before = this.storeWarning;
    if (err === null) {
      if (this.storeWarning?.startsWith('cannot save')) this.storeWarning = null;
    } else this.storeWarning = err instanceof Error ? err.message : String(err);
    if (this.storeWarning !== before) this.emit('action');
  }

  private onProgramChange(change: ProgramChange): void {
    if (change.type === 'reloaded') {
      const merged = this.mergeEdits(change.snapshot.program);
      const next = buildTimeline(merged.program);
      if (!next.rooms.has(this.defaultRoom)) {
        this.merged = this.mergeEdits(this.source); // the refused list of the version still shown
        this.rejected = {
          at: isoInZone(this.clock.now(), next.zone),
          summary: `the edited program has no room "${this.defaultRoom}"; still showing the last good version`,
          errors: [],
        };
      } else {
        const changes = programChanges(this.timeline.program, next.program);
        if (changes.length > 0) {
          this.lastChange = { at: isoInZone(this.clock.now(), next.zone), summary: summarizeChanges(changes) };
        }
        for (const [id, item] of this.timeline.byId) if (!next.byId.has(id)) this.goneTitles.set(id, item.title);
        this.timeline = next;
        this.merged = merged;
        this.source = change.snapshot.program;
        this.rejected = null;
      }
    } else {
      const p = change.problem;
      this.rejected = {
        at: isoInZone(p.at, this.timeline.zone),
        summary: p.message,
        errors: p.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(p.file, d)),
      };
    }
    const at = this.clock.now();
    this.noteStages(at, null);
    this.emit('program');
    this.schedulePush(at);
  }

  private programStatus(audience: Audience): ProgramStatusJson {
    const snapshot = this.watcher.current;
    const control = audience === 'control';
    const summary = control ? this.warningSummary() : null;
    return {
      file: control ? snapshot.file : null,
      loadedAt: isoInZone(snapshot.loadedAt, this.timeline.zone),
      warnings: summary?.first ?? [],
      warningCount: summary?.count ?? 0,
      warningKinds: summary?.kinds ?? [],
      problem: control ? this.rejected : null,
      lastChange: this.lastChange,
    };
  }

  /**
   * Warnings the edits brought (a move that overlaps another item, a speaker left TBA): those the merged program has
   * and the source has not, said as such.
   */
  private editWarnings(): Diagnostic[] {
    if (this.saved.edits.length === 0) return [];
    // The source's own warnings are those the program file gave when loaded (listed already).
    const known = new Set(this.watcher.current.diagnostics.map((d) => d.message));
    return parseProgramJson(this.merged.program)
      .diagnostics.filter((d) => d.severity === 'warning' && !known.has(d.message))
      .map((d) => ({ ...d, path: '', message: `after the edits: ${d.message}` }));
  }

  /** The program's warnings summarised, worked out once per loaded program (a state is made on every push). */
  private warningSummary() {
    const snapshot = this.watcher.current;
    if (this.summaryOf?.snapshot !== snapshot || this.summaryOf.merged !== this.merged) {
      const warnings = [...snapshot.diagnostics.filter((d) => d.severity === 'warning'), ...this.editWarnings()];
      const kinds = new Map<WarningKind, number>();
      for (const d of warnings) kinds.set(d.kind ?? 'other', (kinds.get(d.kind ?? 'other') ?? 0) + 1);
      this.summaryOf = {
        snapshot,
        merged: this.merged,
        summary: {
          count: warnings.length,
          kinds: [...kinds].map(([kind, count]) => ({ kind, count })),
          first: warnings.slice(0, WARNINGS_SHOWN).map((d) => formatDiagnostic(snapshot.file, d)),
        },
      };
    }
    return this.summaryOf.summary;
  }

  private readonly log: OperatorLog | null;
  /** Whether the log was opened for a rehearsal (`<event>.rehearsal.log.jsonl`) or for the show. */
  private readonly logRehearsal: boolean;

  /**
   * The log, while the clock is the kind it was opened for. A box's clock follows its central server's, into a
   * rehearsal and out of it: a box started on the real time keeps the rehearsal's stages and actions out of the show's
   * log (its timing report would give them as the real day's), one started during a rehearsal keeps the show's out of
   * the rehearsal's (until it is restarted, as it says).
   */
  private get logging(): OperatorLog | null {
    return this.clock.rehearsal === this.logRehearsal ? this.log : null;
  }
  /** What each room had on stage at the last look, for the log's stage records. */
  private readonly stages = new Map<string, StageMark>();
  /** The edit the last program action recorded (its label and room), for the log. */
  private lastEdit: { label: string; room: string; edit: Edit } | null = null;

  /** The newest entries of the operator log, of one room or all (GET /api/log). */
  logEntries(limit: number, room: string | null): LogEntry[] {
    this.noteStages(this.clock.now(), null);
    return this.log?.recent(limit, room) ?? [];
  }

  /** Every entry the log still keeps, oldest first (the timing report); null when this show keeps no log. */
  allLogEntries(): LogEntry[] | null {
    if (!this.log) return null;
    this.noteStages(this.clock.now(), null);
    return this.log.all();
  }

  /** The timing report of a room's day from the log (empty actuals when this show keeps no log). */
  report(room: string, day: string): TimingReport {
    return timingReport(this.timeline, this.allLogEntries() ?? [], room, day);
  }

  /** The program-zone days that have items, in order (for the report's "which day"). */
  get days(): string[] {
    return [...new Set(this.timeline.items.map((i) => i.day))].sort();
  }

  /** What undo or redo would do in `room` now: its label and the action that made it (null: nothing). */
  historyStep(room: string, direction: 'undo' | 'redo'): { label: string; type: string | null } | null {
    const step = peekStep(this.saved, room, direction);
    return step ? { label: step.label, type: step.action ?? null } : null;
  }

  /** A refusal decided outside the show (a chair PIN on an AV action), logged like the show's own. */
  logRefused(action: Action, who: string, reason: string): void {
    const room = action.room ?? this.defaultRoom;
    this.writeLog({ kind: 'refused', ...this.stamp(this.clock.now(), room, who), type: action.type, reason });
  }

  private stamp(at: number, room: string, who: string | null) {
    return { at: isoInZone(at, this.timeline.zone), ms: at, room, who };
  }

  private writeLog(entry: LogEntry): void {
    const log = this.logging;
    if (!log) return;
    log.append(entry);
    const warning = log.warning;
    // The state's own warning (its file cannot be saved) matters more and is not hidden by this one.
    if (warning) this.storeWarning ??= warning;
    else if (this.storeWarning?.startsWith('cannot write the operator log')) this.storeWarning = null;
  }

  /** Before an action: its label (the words of undo) and the room's stage and delay, to log with the result. */
  private snapshot(action: Action, room: string, at: number): { label: string; live: unknown } {
    if (!this.timeline.rooms.has(room)) return { label: action.type, live: null };
    let label: string;
    if (action.type === 'undo' || action.type === 'redo') {
      const step = historyLabels(this.saved, room)[action.type];
      label = `${action.type === 'undo' ? 'Undo' : 'Redo'}: ${step ?? 'nothing'}`;
    } else if (action.type === 'presets.set') label = `Preset messages: ${action.texts.join(' · ') || 'none'}`;
    else if (isProgramAction(action)) label = action.type;
    else label = describeAction(this.timeline, this.live, action as LiveAction, at, room);
    return { label, live: this.roomSnapshot(room, at) };
  }

  private roomSnapshot(room: string, at: number) {
    const s = this.resolved(room, at);
    const zone = this.timeline.zone;
    return {
      itemId: s.stage.itemId,
      endsAt: s.stage.endsAt === null ? null : isoInZone(s.stage.endsAt, zone),
      delayMinutes: roomLive(this.live, room).delay?.minutes ?? 0,
      lateMinutes: s.late.minutes,
    };
  }

  /** The items an edit touched, as the program has them now (title, times in the zone, room, cancelled). */
  private itemsOf(edit: Edit, timeline: Timeline) {
    const ids =
      edit.op === 'swap'
        ? [edit.a, edit.b]
        : edit.op === 'add'
          ? [edit.item.id, ...(edit.shifted ?? []).map((s) => s.itemId)]
          : [edit.itemId];
    return ids.map((id) => {
      const item = timeline.byId.get(id);
      if (!item) return { id, gone: true };
      return {
        id,
        title: item.title,
        start: isoInZone(item.start, timeline.zone),
        end: isoInZone(item.end, timeline.zone),
        room: item.room,
        cancelled: item.cancelled,
      };
    });
  }

  private logDone(
    action: Action,
    room: string,
    who: string,
    at: number,
    before: { label: string; live: unknown },
    timelineBefore: Timeline,
  ): void {
    if (isProgramAction(action) && this.lastEdit) {
      const { label, edit, room: editRoom } = this.lastEdit;
      this.lastEdit = null;
      this.writeLog({
        kind: 'edit',
        ...this.stamp(at, editRoom, who),
        type: action.type,
        label,
        edit,
        before: this.itemsOf(edit, timelineBefore),
        after: this.itemsOf(edit, this.timeline),
      });
      return;
    }
    this.writeLog({
      kind: 'action',
      ...this.stamp(at, room, who),
      type: action.type,
      label: before.label,
      before: before.live,
      after: this.timeline.rooms.has(room) ? this.roomSnapshot(room, at) : null,
    });
  }

  /**
   * Logs each room whose stage changed since the last look: a new item, nothing, or the same item restarted. `who`
   * null: the clock did it (the item that left ended when its time was up, not when the change was seen).
   */
  private noteStages(at: number, who: string | null): void {
    // Off the log's clock, the stages are not followed either: back on it, what changed since is logged once.
    if (!this.logging) return;
    for (const room of this.rooms) {
      const stage = this.resolved(room, at).stage;
      const now: StageMark = {
        itemId: stage.itemId,
        startedAt: stage.itemId === null ? null : stage.startedAt,
        endsAt: stage.held ? (stage.holdUntil ?? at) : stage.endsAt,
      };
      const was = this.stages.get(room) ?? null;
      this.stages.set(room, now);
      if (was ? was.itemId === now.itemId && was.startedAt === now.startedAt : now.itemId === null) continue;
      const left = was?.itemId != null && was.itemId !== now.itemId ? was : null;
      const endedAt = !left ? null : who !== null || left.endsAt === null || left.endsAt > at ? at : left.endsAt;
      this.writeLog({
        kind: 'stage',
        ...this.stamp(at, room, who),
        itemId: now.itemId,
        startedAt: now.startedAt,
        ended: left ? { itemId: left.itemId!, at: endedAt! } : null,
        cause: who === null ? 'clock' : 'action',
      });
    }
  }

  /** At start: each room's stage as the log last saw it, so that a restart logs only what really changed. */
  private resumeStages(): void {
    if (!this.log) return;
    for (const e of this.log.all()) {
      // Its end as the program has it: if it is over by now, it ended then, not when the server came back.
      const endsAt = e.kind === 'stage' && e.itemId !== null ? (this.timeline.byId.get(e.itemId)?.end ?? null) : null;
      if (e.kind === 'stage') this.stages.set(e.room, { itemId: e.itemId, startedAt: e.startedAt, endsAt });
    }
    this.noteStages(this.clock.now(), null);
  }

  /**
   * Pushes state when a screen changes by itself (an item starts or ends, a message expires), not every second.
   * `since`: the show instant of the oldest state the screens may have (the instant a push or an action read the
   * clock before making its states): the timer aims at the first change after it, so that a change passed while
   * those states were made and sent (a fan-out of a few ms, at speed 60 a few hundred show ms) is pushed too, at
   * once, instead of being skipped until the next one. A push goes out only once the show clock has reached the
   * change: Node's timers fire up to ~2 ms early by the wall clock, and a state made then shows the item that is
   * ending; the timer then looks again when the change is due.
   */
  private schedulePush(since: number): void {
    if (this.pushTimer) clearTimeout(this.pushTimer);
    const armedAt = this.clock.now();
    let next = Infinity;
    for (const room of this.rooms) {
      for (const instant of screenChanges(this.resolved(room, since), since)) {
        next = Math.min(next, instant);
      }
    }
    const wait = Math.min(this.clock.realDelayUntil(next), MAX_PUSH_WAIT_MS);
    this.pushTimer = setTimeout(
      () => {
        // Push at a change, and when the wall clock went back (NTP) since this timer was set: what is on may have
        // changed although no change was crossed. A jump forward crosses the change and is caught by it.
        const now = this.clock.now();
        if (now < armedAt || now >= next) {
          this.noteStages(now, null);
          this.emit('tick');
          this.schedulePush(now);
        } else this.schedulePush(since);
      },
      // Early, it looks again when the change is due (a timer takes whole ms: at least 1).
      Math.max(wait, 1),
    );
    this.pushTimer.unref?.();
  }
}
