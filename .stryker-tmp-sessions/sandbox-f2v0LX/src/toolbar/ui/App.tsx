// @ts-nocheck
import { useEffect, useMemo, useState } from 'preact/hooks';
import { compileAction, type CompiledAction } from '../../actions';
import type { SelectorCandidate, SelectorScope } from '../../selectors';
import { addStep, canSave, draftFromAction, draftProblems, draftToAction, draftWarnings, duplicateDraft, emptyDraft, newActionDraft, problemsFromSave, stepFromElement, toDraft, withSelectorInStep, type Draft } from '../draft';
import type { Mounted } from '../mount';
import { createOverlay } from '../overlay/overlay';
import { api, describeError } from '../services/api';
import { useHeatmap } from '../services/useHeatmap';
import { useLiveFeed } from '../services/useLiveFeed';
import { usePageMatches } from '../services/usePageMatches';
import { usePreview } from '../services/usePreview';
import { useCaptureState } from '../services/useCaptureState';
import { useSavedActions } from '../services/useSavedActions';
import { useStoredTicks } from '../services/useStoredTicks';
import { useUndoableDelete } from '../services/useUndoableDelete';
import { useUrl } from '../services/useUrl';
import type { ToolbarUiState } from '../state';
import { ActionList } from './ActionList';
import { CaptureOffNotice } from './CaptureOffNotice';
import { CopyPlaywright } from './CopyPlaywright';
import { Editor } from './Editor';
import { REFUSAL_TEXT } from '../guard';
import { GuardContext, type RunGuarded } from './guarded';
import { ElementPanel } from './ElementPanel';
import { Header } from './Header';
import { ListTools } from './ListTools';
import { NewActionMenu } from './NewActionMenu';
import { Panel } from './Panel';
import { Tabs } from './Tabs';
import { useInspect } from './useInspect';

interface Props {
  win: Window;
  site: string;
  mounted: Mounted;
  initial: ToolbarUiState;
  signal: AbortSignal;
  onState(ui: ToolbarUiState): void;
  onClose(): void;
}

type View = 'actions' | 'element' | 'editor';

/** The toolbar: header (modes), and one of: saved actions, the picked element, the action editor. */
export function App({ win, site, mounted, initial, signal, onState, onClose }: Props) {
  const doc = win.document;
  const overlay = useMemo(() => createOverlay(mounted.layer, win, signal), [mounted, win, signal]);
  const [ui, setUi] = useState(initial);
  // A draft is only ever restored on the site it was made on.
  const [draft, setDraftState] = useState<Draft | null>(() => (initial.site === site ? toDraft(initial.draft) : null));
  const [view, setView] = useState<View>(draft ? 'editor' : 'actions');
  const [inspecting, setInspecting] = useState(false);
  const [pickFor, setPickFor] = useState<'new' | 'step'>('new');
  const [picked, setPicked] = useState<Element | null>(null);
  // Each pick is a new element panel (its "all similar / only this one" starts from the new element's default).
  const [pickCount, setPickCount] = useState(0);
  const [testing, setTesting] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState('');
  const [serverProblems, setServerProblems] = useState<Map<string, string[]>>(new Map());
  const [shown, setShown] = useState<string | null>(null);
  const url = useUrl(win);
  // A destructive click the guard refused: said in a status line (nothing was changed).
  const [refused, setRefused] = useState('');
  const guarded = useMemo<RunGuarded>(() => (event, work) => {
    const refusal = mounted.guard.check(event);
    setRefused(refusal ? REFUSAL_TEXT[refusal] : '');
    if (!refusal) work();
  }, [mounted]);

  const update = (patch: Partial<ToolbarUiState>) => setUi((u) => ({ ...u, ...patch }));
  // The draft is kept with the tab's state (sent batched by the toolbar), so a reload does not lose it.
  useEffect(() => onState({ ...ui, open: true, draft }), [ui, draft, onState]);

  const setDraft = (next: Draft | null) => {
    setDraftState(next);
    setServerProblems(new Map());
    setSaveError('');
  };

  // A pick reports the pointed element; the element panel and stepFromElement resolve what a click
  // on it records (an SVG's button) themselves, and keyboard picks may be any element.
  const ghost = useInspect({ on: inspecting, win, mounted, overlay, onPick: (_target, pointed) => {
    setInspecting(false);
    if (pickFor === 'step' && draft) {
      addElementStep(pointed);
    } else {
      setPicked(pointed);
      setPickCount((n) => n + 1);
      setView('element');
    }
  }, onExit: () => setInspecting(false) });
  // Candidate outlines belong to the element panel.
  useEffect(() => () => overlay.clear('candidate'), [view, picked, overlay]);

  const problems = useMemo(() => {
    if (!draft) return new Map<string, string[]>();
    const local = draftProblems(draft, { requireName: true });
    for (const [k, v] of serverProblems) local.set(k, [...(local.get(k) ?? []), ...v.filter((m) => !local.get(k)?.includes(m))]);
    return local;
  }, [draft, serverProblems]);
  const warnings = useMemo(() => (draft ? draftWarnings(draft) : new Map<string, string[]>()), [draft]);
  const steps = useMemo(() => {
    if (!draft) return null;
    return draftProblems(draft).size ? null : draftToAction(draft).steps;
  }, [draft]);
  const compiled = useMemo<CompiledAction | null>(() => {
    try {
      return steps ? compileAction({ steps }) : null;
    } catch {
      return null;
    }
  }, [steps]);
  const draftPage = usePageMatches(view === 'editor' && draft ? (steps ?? draftToAction(draft).steps) : null, doc, overlay, 'draft', url);
  const stored = usePreview(view === 'editor' ? steps : null);
  const feed = useLiveFeed(testing && view === 'editor');
  // The heatmap is per page: a hash change (scroll anchors, hash routers keep the document) does not refetch it.
  // Stored counts (saved list, heatmap) follow new events of the site, at most once a second.
  const ticks = useStoredTicks();
  const heat = useHeatmap(ui.heatmap, site, url.split('#')[0], win, overlay, ticks);
  const saved = useSavedActions(site, url, doc, view === 'actions', view === 'actions' ? ticks : 0);
  const capture = useCaptureState(url);

  const shownSteps = useMemo(() => saved.items?.find((i) => i.action.id === shown)?.action.steps ?? null, [saved.items, shown]);
  usePageMatches(view === 'actions' ? shownSteps : null, doc, overlay, 'saved', url);

  const startPick = (forWhat: 'new' | 'step') => {
    setTesting(false);
    setPickFor(forWhat);
    setInspecting(true);
  };
  /** The element as one more step of the draft being edited (its URL: the element's own document's). */
  function addElementStep(element: Element, candidates?: SelectorCandidate[], scope?: SelectorScope) {
    if (!draft) return;
    setDraft(addStep(draft, stepFromElement(element, { url: element.ownerDocument.URL, candidates, scope })));
    setView('editor');
  }
  const newFromElement = (element: Element, candidates: SelectorCandidate[], scope: SelectorScope) => {
    const base = emptyDraft(site);
    setDraft({ ...base, steps: [stepFromElement(element, { url: element.ownerDocument.URL, candidates, scope })] });
    setView('editor');
  };
  const previewCandidate = (elements: Element[] | null) => {
    if (!elements) return overlay.clear('candidate');
    overlay.outline('candidate', elements.map((element) => ({ element, tone: 'candidate' as const })));
  };
  const save = async () => {
    if (!draft || !canSave(draft)) return;
    setSaving(true);
    try {
      await api.save(draftToAction(draft));
      setDraft(null);
      setTesting(false);
      setView('actions');
      saved.reload();
    } catch (e) {
      const { message, problems: fields } = describeError(e);
      setSaveError(message);
      setServerProblems(problemsFromSave(fields));
    } finally {
      setSaving(false);
    }
  };
  const deletion = useUndoableDelete(saved.reload, setSaveError);

  const header = (
    <Header
      collapsed={ui.collapsed}
      dock={ui.dock}
      inspecting={inspecting}
      heatmap={ui.heatmap}
      onInspect={() => (inspecting ? setInspecting(false) : startPick(draft && view === 'editor' ? 'step' : 'new'))}
      onHeatmap={() => update({ heatmap: !ui.heatmap })}
      onDock={() => update({ dock: ui.dock === 'right' ? 'left' : 'right' })}
      onCollapse={() => update({ collapsed: !ui.collapsed })}
      onClose={onClose}
    />
  );
  return (
    <GuardContext.Provider value={guarded}>
    <Panel dock={ui.dock} collapsed={ui.collapsed} x={ui.x} y={ui.y} width={ui.width} ghost={ghost} tall={view === 'editor' && !!draft} onMove={(x, y) => update({ dock: 'float', x, y })} onResize={(width) => update({ width })} header={header}>
      <Tabs
        selected={view}
        onSelect={setView}
        tabs={[
          { view: 'actions', label: 'Actions' },
          { view: 'element', label: 'Element', disabled: !picked },
          { view: 'editor', label: draft?.id ? 'Edit action' : 'New action', disabled: !draft },
        ]}
      />
      {ui.heatmap && (
        <div class="lasso-heat-legend" data-testid="heatmap-legend">
          {heat.loading ? 'Loading clicks…' : heat.error ? heat.error : `${heat.total.toLocaleString('en')} stored clicks on this page; ${heat.placedClicks.toLocaleString('en')} drawn on ${heat.elements} elements${heat.missing.length ? `, ${heat.missing.length} elements not on the page now` : ''}.`}
        </div>
      )}
      {inspecting && <p class="lasso-muted" style={{ padding: '6px 12px', margin: 0 }}>Click an element to pick it. Arrows: parent / child / siblings. Esc: stop.</p>}
      {view === 'actions' && (
        <ActionList
          site={site}
          items={saved.items}
          error={saved.error || (view === 'actions' ? saveError : '')}
          shown={shown}
          newAction={<NewActionMenu onPick={() => startPick('new')} onStart={(start) => { setDraft(newActionDraft(start, site, win.location.href)); setView('editor'); }} />}
          tools={<ListTools site={site} doc={doc} onImported={saved.reload} />}
          rowTools={(a) => <CopyPlaywright action={a} pageUrl={win.location.href} clipboard={win.navigator.clipboard} />}
          onEdit={(a) => { setDraft(draftFromAction(a)); setView('editor'); }}
          onDuplicate={(a) => { setDraft(duplicateDraft(draftFromAction(a))); setView('editor'); }}
          onDelete={(a) => void deletion.remove(a)}
          onShow={(a) => setShown(a?.id ?? null)}
          onReplace={(a, step, c) => { setDraft(withSelectorInStep(draftFromAction(a), step, c)); setView('editor'); }}
          onCopied={saved.reload}
        />
      )}
      {view === 'element' && picked && (
        <ElementPanel key={pickCount} root={doc} element={picked} editing={!!draft} onNewAction={newFromElement} onAddStep={addElementStep} onPreviewCandidate={previewCandidate} />
      )}
      {view === 'editor' && draft && (
        <Editor
          draft={draft}
          problems={problems}
          serverProblems={serverProblems}
          warnings={warnings}
          page={draftPage}
          stored={stored}
          compiled={compiled}
          testing={testing}
          feed={feed}
          saving={saving}
          saveError={saveError}
          pageUrl={win.location.href}
          captureNotice={capture === 'off' || capture === 'paused' ? () => <CaptureOffNotice site={site} state={capture} /> : null}
          onChange={setDraft}
          onPickStep={() => startPick('step')}
          onTest={(on) => { setTesting(on); if (on) setInspecting(false); }}
          onSave={() => void save()}
          onCancel={() => { setDraft(null); setTesting(false); setView('actions'); }}
        />
      )}
      {deletion.deleted && (
        <div class="lasso-toast" role="status">
          Deleted “{deletion.deleted.name}”. <button type="button" data-testid="undo-delete" onClick={() => void deletion.undo()}>Undo</button>
        </div>
      )}
      {refused && <p class="lasso-toast" role="status" data-testid="guard-refused">{refused}</p>}
    </Panel>
    </GuardContext.Provider>
  );
}
