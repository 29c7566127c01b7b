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
import { MENU_PANEL, menuHeightPx, menuRows, type MenuAction, type MenuContext, type MenuRow } from './menu-model';

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

/** A row's labels: its own button's, and its right half's where the row is split. */
interface RowLabels {
  left: TextBlock | null;
  right: TextBlock | null;
}

/**
 * The panel's plane and its GUI: a title and one button per menu row, or two side by side where the row
 * is split (labels are set by `refresh`).
 */
function buildPanel(scene: Scene, rows: readonly MenuRow[], press: (id: string, half: 'left' | 'right') => void) {
  const heightPx = menuHeightPx(rows.length);
  const panel: Mesh = CreatePlane('xr-menu', { width: PANEL_W_M, height: (PANEL_W_M * heightPx) / PANEL_PX }, scene);
  panel.isVisible = false;
  panel.isPickable = true;
  const ui = AdvancedDynamicTexture.CreateForMesh(panel, PANEL_PX, heightPx, false);
  const frame = new Rectangle('xr-menu-frame');
  frame.background = '#15202bee';
  frame.cornerRadius = 28;
  frame.thickness = 0;
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
  const labels: RowLabels[] = [];
  const width = MENU_PANEL.rowWidthPx;
  for (const row of rows) {
    const background = row.id === 'exit' ? '#b85c1e' : '#2a3b4c';
    if (!row.right) {
      const button = menuButton(`xr-menu-${row.id}`, width, background, () => press(row.id, 'left'));
      stack.addControl(button);
      labels.push({ left: button.textBlock, right: null });
      continue;
    }
    const pair = new StackPanel(`xr-menu-${row.id}-pair`);
    pair.isVertical = false;
    pair.height = `${MENU_PANEL.rowPx}px`;
    pair.width = `${width}px`;
    const left = menuButton(`xr-menu-${row.id}-left`, width / 2, background, () => press(row.id, 'left'));
    const right = menuButton(`xr-menu-${row.id}-right`, width / 2, background, () => press(row.id, 'right'));
    pair.addControl(left);
    pair.addControl(right);
    stack.addControl(pair);
    labels.push({ left: left.textBlock, right: right.textBlock });
  }
  return { panel, ui, title, labels };
}

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
  const rows = () => menuRows(context);
  const { panel, ui, title, labels } = buildPanel(scene, rows(), (id, half) => {
    const current = rows().find((r) => r.id === id);
    const action = half === 'right' ? current?.right?.action : current?.action;
    if (action) act(action);
    refresh();
  });
  const { tab, tabUi, tabLabel } = buildTab(scene, () => toggle());

  function refresh() {
    title.text = context.strings().xrMenu.title;
    if (tabLabel) tabLabel.text = context.strings().xrMenu.tab;
    rows().forEach((row, i) => {
      const label = labels[i];
      if (label?.left) label.left.text = row.label;
      if (label?.right && row.right) label.right.text = row.right.label;
    });
  }
  refresh();

  const facing = () => flatForward(camera);

  function toggle() {
    if (panel.isVisible) {
      panel.isVisible = false;
      return;
    }
    const f = facing();
    const at = camera.globalPosition.add(f.scale(PANEL_DISTANCE_M));
    panel.position.set(at.x, camera.globalPosition.y - MENU_PANEL.belowEyesM, at.z);
    panel.rotation.set(MENU_PANEL.tiltRad, Math.atan2(f.x, f.z), 0);
    refresh();
    panel.isVisible = true;
  }

  const pressAt = (mesh: Mesh, ray: Ray): boolean => {
    if (!mesh.isVisible) return false;
    const r = new BabylonRay(new Vector3(...ray.origin), new Vector3(...ray.direction), 10);
    const hit = scene.pickWithRay(r, (m) => m === mesh);
    if (!hit?.hit) return false;
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
      return pressAt(panel, ray) || pressAt(tab, ray);
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
