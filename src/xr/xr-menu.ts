/**
 * The in-VR menu: a floating Babylon GUI panel with the comfort, quality
 * and language settings, the perf HUD toggle, Share and Exit. It opens in front of
 * the viewer with the left controller's menu (X) button, or from the small
 * "Menu" tab that floats at the viewer's left hip (hands have no buttons).
 * Controller rays and pinches press its buttons: the session's select ray is
 * turned into a GUI pointer press on the panel (no Babylon pointer feature
 * or laser meshes needed). Text is sized for arm's length.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { WebXRCamera } from '@babylonjs/core/XR/webXRCamera';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CreatePlane } from '@babylonjs/core/Meshes/Builders/planeBuilder';
import { Ray as BabylonRay } from '@babylonjs/core/Culling/ray';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { AdvancedDynamicTexture } from '@babylonjs/gui/2D/advancedDynamicTexture';
import { Button } from '@babylonjs/gui/2D/controls/button';
import { StackPanel } from '@babylonjs/gui/2D/controls/stackPanel';
import { TextBlock } from '@babylonjs/gui/2D/controls/textBlock';
import { Rectangle } from '@babylonjs/gui/2D/controls/rectangle';
import { Control } from '@babylonjs/gui/2D/controls/control';
import type { Ray } from '../input/intents';
import { flatForward } from './frame-features';
import { MENU_M_PER_PX, MENU_PANEL, menuHeightPx, menuSlots, onMenuPage, pageRows, type MenuAction, type MenuContext, type MenuPage } from './menu-model';

/** The panel's size and place (`MENU_PANEL`); its height follows the rows. */
const PANEL_W_M = MENU_PANEL.widthM;
const PANEL_PX = MENU_PANEL.widthPx;
const PANEL_DISTANCE_M = MENU_PANEL.distanceM;

export interface XrMenu {
  readonly open: boolean;
  /** Opens in front of the viewer, or closes. */
  toggle(): void;
  /** Re-reads the labels (settings or language changed). */
  refresh(): void;
  /** Offers a select ray to the menu; true when the menu took it (a button or the tab was hit). */
  select(ray: Ray): boolean;
  /** Keeps the tab at the viewer's hip; call every frame. */
  follow(): void;
  dispose(): void;
}

/** One menu button, `widthPx` wide (its text is set by `refresh`). */
function menuButton(name: string, widthPx: number, background: string, press: () => void): Button {
  const button = Button.CreateSimpleButton(name, '');
  button.height = `${MENU_PANEL.rowPx}px`;
  button.width = `${widthPx}px`;
  button.paddingTop = '8px';
  button.color = '#f3f6f9';
  button.background = background;
  button.cornerRadius = 16;
  button.thickness = 2;
  button.fontSize = 38;
  button.onPointerUpObservable.add(press);
  return button;
}

/** A row's place on the panel: one button across it, or two halves side by side (a split row); `refresh` shows one. */
interface Slot {
  whole: Button;
  pair: StackPanel;
  left: Button;
  right: Button;
}

/**
 * The panel's plane and its GUI: a title and `slots` row places, each with one button across it and a
 * pair of halves (labels, and which shows, are set by `refresh`; a page with fewer rows leaves the rest empty).
 */
function buildPanel(scene: Scene, slots: number, press: (slot: number, half: 'left' | 'right') => void) {
  const heightPx = menuHeightPx(slots);
  const panel: Mesh = CreatePlane('xr-menu', { width: PANEL_W_M, height: heightPx * MENU_M_PER_PX }, scene);
  panel.isVisible = false;
  panel.isPickable = true;
  const ui = AdvancedDynamicTexture.CreateForMesh(panel, PANEL_PX, heightPx, false);
  const frame = new Rectangle('xr-menu-frame');
  frame.background = '#15202bee';
  frame.cornerRadius = 28;
  frame.thickness = 0;
  // From the top, as tall as the page shown (`refresh`): a short page leaves the panel's foot clear.
  frame.verticalAlignment = Control.VERTICAL_ALIGNMENT_TOP;
  ui.addControl(frame);
  const stack = new StackPanel('xr-menu-stack');
  stack.paddingTop = `${MENU_PANEL.topPx}px`;
  // Rows from the top, so each sits at a fixed place on the panel.
  stack.verticalAlignment = Control.VERTICAL_ALIGNMENT_TOP;
  frame.addControl(stack);
  const title = new TextBlock('xr-menu-title', '');
  title.height = `${MENU_PANEL.titlePx}px`;
  title.color = '#f3f6f9';
  title.fontSize = 48;
  title.fontWeight = 'bold';
  title.textHorizontalAlignment = Control.HORIZONTAL_ALIGNMENT_CENTER;
  stack.addControl(title);
  const width = MENU_PANEL.rowWidthPx;
  const rows: Slot[] = [];
  for (let i = 0; i < slots; i++) {
    // Each place holds both forms, one shown; a place keeps its height either way, so rows stay put.
    const place = new Rectangle(`xr-menu-slot-${i}`);
    place.height = `${MENU_PANEL.rowPx}px`;
    place.width = `${width}px`;
    place.thickness = 0;
    const whole = menuButton(`xr-menu-slot-${i}`, width, ROW_COLOUR, () => press(i, 'left'));
    const pair = new StackPanel(`xr-menu-slot-${i}-pair`);
    pair.isVertical = false;
    pair.height = `${MENU_PANEL.rowPx}px`;
    pair.width = `${width}px`;
    const left = menuButton(`xr-menu-slot-${i}-left`, width / 2, ROW_COLOUR, () => press(i, 'left'));
    const right = menuButton(`xr-menu-slot-${i}-right`, width / 2, ROW_COLOUR, () => press(i, 'right'));
    pair.addControl(left);
    pair.addControl(right);
    place.addControl(whole);
    place.addControl(pair);
    stack.addControl(place);
    rows.push({ whole, pair, left, right });
  }
  return { panel, ui, frame, title, slots: rows };
}

const ROW_COLOUR = '#2a3b4c';
const EXIT_COLOUR = '#b85c1e';

/** The tab that opens the menu without buttons (hands). */
function buildTab(scene: Scene, press: () => void) {
  const tab: Mesh = CreatePlane('xr-menu-tab', { width: 0.14, height: 0.07 }, scene);
  tab.isPickable = true;
  const tabUi = AdvancedDynamicTexture.CreateForMesh(tab, 256, 128, false);
  const tabButton = Button.CreateSimpleButton('xr-menu-tab-button', '');
  tabButton.background = '#2a3b4ccc';
  tabButton.color = '#f3f6f9';
  tabButton.cornerRadius = 24;
  tabButton.fontSize = 52;
  tabButton.onPointerUpObservable.add(press);
  tabUi.addControl(tabButton);
  return { tab, tabUi, tabLabel: tabButton.textBlock };
}

export function createXrMenu(scene: Scene, camera: WebXRCamera, context: MenuContext, act: (action: MenuAction) => void): XrMenu {
  let page: MenuPage = { kind: 'main' };
  const rows = () => pageRows(context, page);
  const slotCount = menuSlots(context);
  const { panel, ui, frame, title, slots } = buildPanel(scene, slotCount, (i, half) => {
    const current = rows()[i];
    const action = half === 'right' ? current?.right?.action : current?.action;
    if (action?.kind === 'page') page = action.to;
    else if (action) act(action);
    refresh();
  });
  const { tab, tabUi, tabLabel } = buildTab(scene, () => toggle());

  function refresh() {
    const t = context.strings().xrMenu;
    title.text = page.kind === 'main' ? t.title : t.findTitle;
    if (tabLabel) tabLabel.text = t.tab;
    const shown = rows();
    frame.height = `${menuHeightPx(shown.length)}px`;
    slots.forEach((slot, i) => {
      const row = shown[i];
      slot.whole.isVisible = !!row && !row.right;
      slot.pair.isVisible = !!row?.right;
      if (!row) return;
      slot.whole.background = row.id === 'exit' ? EXIT_COLOUR : ROW_COLOUR;
      if (slot.whole.textBlock) slot.whole.textBlock.text = row.label;
      if (slot.left.textBlock) slot.left.textBlock.text = row.label;
      if (slot.right.textBlock) slot.right.textBlock.text = row.right?.label ?? '';
    });
  }
  refresh();

  const facing = () => flatForward(camera);

  function toggle() {
    if (panel.isVisible) {
      panel.isVisible = false;
      return;
    }
    // It opens on its main page.
    page = { kind: 'main' };
    const f = facing();
    const at = camera.globalPosition.add(f.scale(PANEL_DISTANCE_M));
    panel.position.set(at.x, camera.globalPosition.y - MENU_PANEL.belowEyesM, at.z);
    panel.rotation.set(MENU_PANEL.tiltRad, Math.atan2(f.x, f.z), 0);
    refresh();
    panel.isVisible = true;
  }

  /** Presses what `ray` hits on `mesh`, where `takes` says the point hit (in the mesh's own space) is the menu's. */
  const pressAt = (mesh: Mesh, ray: Ray, takes: (local: Vector3) => boolean = () => true): boolean => {
    if (!mesh.isVisible) return false;
    const r = new BabylonRay(new Vector3(...ray.origin), new Vector3(...ray.direction), 10);
    const hit = scene.pickWithRay(r, (m) => m === mesh);
    if (!hit?.hit || !hit.pickedPoint || !takes(Vector3.TransformCoordinates(hit.pickedPoint, mesh.getWorldMatrix().clone().invert()))) return false;
    scene.simulatePointerDown(hit, { pointerId: 9001 });
    scene.simulatePointerUp(hit, { pointerId: 9001 });
    return true;
  };

  return {
    get open() {
      return panel.isVisible;
    },
    toggle,
    refresh,
    select(ray) {
      // The panel first (it floats in front of the tab when both are in line).
      return pressAt(panel, ray, (local) => onMenuPage(local.y, slotCount, rows().length)) || pressAt(tab, ray);
    },
    follow() {
      // Left of the hips, turned towards the viewer: a glance down finds it.
      const f = facing();
      const left = new Vector3(-f.z, 0, f.x);
      const p = camera.globalPosition;
      tab.position.set(p.x + f.x * 0.35 + left.x * 0.25, p.y - 0.55, p.z + f.z * 0.35 + left.z * 0.25);
      tab.rotation.set(0.9, Math.atan2(f.x, f.z), 0);
    },
    dispose() {
      ui.dispose();
      tabUi.dispose();
      panel.material?.dispose(true, true);
      tab.material?.dispose(true, true);
      panel.dispose();
      tab.dispose();
    },
  };
}
