// Applies the saved theme before the first paint, so a dark page never flashes light.
(function () {
  var saved = localStorage.getItem('switchboard.theme') || 'system';
  var dark = saved === 'dark' || (saved === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
})();
