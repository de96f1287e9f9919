// Renderer entry: one page, the view chosen by the path (/signage, /chair, /control), each loaded on its own.
import { mount, type Component } from 'svelte';
import './lib/base.css';
import ViewRoot from './lib/ViewRoot.svelte';
import { preconnect } from './lib/connection.svelte.ts';

const views: Record<string, () => Promise<{ default: Component }>> = {
  signage: () => import('./views/signage/Signage.svelte'),
  chair: () => import('./views/chair/Chair.svelte'),
  control: () => import('./views/control/Control.svelte'),
};

const name = location.pathname.replace(/^\/+|\/+$/g, '').split('/')[0] || 'signage';
const target = document.getElementById('app')!;
const known = Object.hasOwn(views, name) ? name : 'signage';
const load = views[known]!;
document.body.dataset.view = known;
// The view's live state is asked for now, while its code loads, not after.
preconnect(known, new URLSearchParams(location.search).get('room'));
// The first Intl date formatter a page makes loads the browser's date data (20-50 ms): made now, while the view's
// code and state are on their way, not when the first time is shown.
new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hour: 'numeric' }).format(0);
void load().then(({ default: View }) => mount(ViewRoot, { target, props: { View } }));
