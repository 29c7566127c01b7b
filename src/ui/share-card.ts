/**
 * The share card: the room's link as text and as a QR code (drawn here, in
 * the page, by the `qrcode` package, loaded only when a card is shown), a
 * Copy button, how the room is doing, and Leave.
 */
import { el, onClick, subscribe, type Texts } from './dom';
import type { Strings } from './strings';
import { MAX_PARTICIPANTS } from '../room/protocol';

/** What the share card shows. */
export interface ShareView {
  link: string;
  status: 'connecting' | 'connected' | 'lost' | 'unavailable' | 'full';
  problem: string | null;
  people: number;
  /** The others in the room, to follow; and whom this page follows. */
  others: ReadonlyArray<{ id: string; name: string }>;
  following: string | null;
}

/** Whether the card shows the room's QR code: not when the room cannot be joined. */
export const showsCode = (view: ShareView): boolean => view.status !== 'unavailable' && view.status !== 'full';

/** How the room is doing, in a line. */
export function shareStatus(t: Strings['share'], view: ShareView): string {
  if (view.status === 'connected') return t.connected(view.people);
  if (view.status === 'lost') return t.lost;
  if (view.status === 'unavailable') return t.unavailable(view.problem ?? '');
  if (view.status === 'full') return t.full(MAX_PARTICIPANTS);
  return t.connecting;
}

export function createShareCard(t: Texts) {
  const title = t.text(el('h2', { id: 'share-title' }), (s) => s.share.title);
  const status = el('p', { className: 'share-status' });
  status.setAttribute('role', 'status');
  const qr = el('canvas', { className: 'share-qr', width: 200, height: 200 });
  qr.setAttribute('role', 'img');
  t.text(qr, (s) => s.share.scan, 'aria-label');
  const scan = t.text(el('p'), (s) => s.share.scan);
  const linkText = el('input', { type: 'text', readOnly: true, className: 'share-link' });
  t.text(linkText, (s) => s.share.title, 'aria-label');
  const copy = t.button((s) => s.share.copy, 'primary');
  const leave = t.button((s) => s.share.leave);
  const close = t.button((s) => s.close);
  const followList = el('div', { className: 'actions follow' });
  const follows: Array<(id: string | null) => void> = [];
  const section = el('section', { className: 'card share', hidden: true }, [
    title,
    status,
    qr,
    scan,
    linkText,
    followList,
    el('div', { className: 'actions' }, [copy, leave, close]),
  ]);
  section.setAttribute('aria-labelledby', title.id);
  let view: ShareView | null = null;
  const closed: Array<() => void> = [];
  let drawn = '';
  t.live((s) => {
    if (!view) return;
    // One button per other participant (Follow, or Stop following the one followed).
    followList.replaceChildren(
      ...view.others.map((p) => {
        const following = view?.following === p.id;
        const b = el('button', { type: 'button', textContent: following ? s.share.stopFollowing(p.name) : s.share.follow(p.name) });
        b.setAttribute('aria-pressed', String(following));
        b.addEventListener('click', () => {
          for (const h of follows) h(following ? null : p.id);
        });
        return b;
      }),
    );
    status.textContent = shareStatus(s.share, view);
  });
  close.addEventListener('click', () => {
    section.hidden = true;
    for (const h of closed) h();
  });
  copy.addEventListener('click', () => {
    linkText.select();
    void navigator.clipboard
      .writeText(linkText.value)
      .then(() => (status.textContent = t.strings.share.copied))
      .catch(() => undefined);
  });
  return {
    section,
    showShare(next: ShareView | null) {
      view = next;
      section.hidden = next === null;
      if (!next) return;
      linkText.value = next.link;
      qr.hidden = !showsCode(next);
      t.rerender();
      if (drawn === next.link) return;
      drawn = next.link;
      void import('qrcode')
        .then(({ toCanvas }) => toCanvas(qr, next.link, { width: 200, margin: 1, errorCorrectionLevel: 'M' }))
        .catch((error: unknown) => console.warn('Chasm: the QR code could not be drawn; the link is shown as text.', error));
    },
    onLeaveRoom: onClick(leave),
    onShareClosed: (handler: () => void) => subscribe(closed, handler),
    onFollow: (handler: (id: string | null) => void) => subscribe(follows, handler),
  };
}
