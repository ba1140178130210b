// Browser entry. The game itself lands with the browser-game issue; until then the page says so.
const app = document.getElementById('app');
if (app) {
  const heading = document.createElement('h1');
  heading.textContent = 'Alliance Crisis Lab';
  app.append(heading);
}
