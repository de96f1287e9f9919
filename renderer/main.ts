// Renderer entry. The signage, chair and control views arrive with the views issue; until then, a holding screen.
const app = document.getElementById('app');
if (app) app.textContent = 'Roomcue';
