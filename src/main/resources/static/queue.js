// Progressive enhancement of the replies queue. Without script every button is a plain form button (formaction)
// and the server answers with the queue again; with it, the same request is sent by fetch with the
// Gazette-Fragment header, and the row the server sends back replaces the old one in place.
(function () {
  var list = document.querySelector('ol.queue');
  var help = document.getElementById('keys');
  var form = list ? list.closest('form') : null;
  var current = null;
  var fallback = false;

  function rows() { return Array.prototype.slice.call(document.querySelectorAll('ol.queue > li.queue-item')); }

  function select(row) {
    if (current) { current.classList.remove('current'); current.removeAttribute('aria-current'); }
    current = row;
    if (!row) return;
    row.classList.add('current');
    row.setAttribute('aria-current', 'true');
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'nearest' });
  }

  function field(name) {
    var input = form.querySelector('input[type=hidden][name="' + name + '"]');
    return input ? input.value : null;
  }

  function send(button) {
    var row = button.closest('li.queue-item');
    var data = new URLSearchParams();
    ['csrf', 'state', 'story', 'q', 'by', 'page'].forEach(function (name) {
      var value = field(name);
      if (value !== null) data.set(name, value);
    });
    data.set(button.name, button.value);
    row.classList.add('busy');
    button.disabled = true;
    fetch(button.formAction, { method: 'POST', body: data, credentials: 'same-origin',
      headers: { 'Gazette-Fragment': 'row' } })
      .then(function (response) {
        if (!response.ok && response.status !== 409) throw new Error('status ' + response.status);
        var pending = response.headers.get('Gazette-Pending');
        if (pending !== null) showPending(parseInt(pending, 10));
        return response.text();
      })
      .then(function (html) {
        var holder = document.createElement('template');
        holder.innerHTML = html.trim();
        var fresh = holder.content.firstElementChild;
        var wasCurrent = current === row;
        row.replaceWith(fresh);
        if (wasCurrent) select(fresh);
        var undo = fresh.querySelector('button.undo');
        if (undo && !wasCurrent) undo.focus();
      })
      .catch(function () {
        // The plain form still works: send it the ordinary way.
        fallback = true;
        button.disabled = false;
        button.click();
      });
  }

  function showPending(n) {
    var link = document.querySelector('.staff-bar a[href="/admin/replies"]');
    if (!link || isNaN(n)) return;
    var badge = link.querySelector('.badge');
    if (n <= 0) { if (badge) badge.remove(); return; }
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'badge';
      link.append(' ', badge);
    }
    badge.dataset.waiting = String(n);
    badge.textContent = String(n);
    var hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = ' waiting';
    badge.append(hidden);
  }

  if (form) {
    form.addEventListener('submit', function (event) {
      var button = event.submitter;
      if (fallback || !button || !button.closest('li.queue-item')) return; // the bulk Apply: an ordinary post
      event.preventDefault();
      send(button);
    });
    list.addEventListener('click', function (event) {
      var row = event.target.closest('li.queue-item');
      if (row && row !== current) select(row);
    });
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.closest && target.closest('input:not([type=checkbox]), textarea, select, [contenteditable]')) return;
    var key = event.key;
    if (key === '?') {
      if (help) {
        help.open = !help.open;
        if (help.open) help.querySelector('summary').focus();
      }
      event.preventDefault();
      return;
    }
    if (key === 'Escape' && help && help.open) { help.open = false; return; }
    var all = rows();
    if (key === 'j' || key === 'k') {
      if (!all.length) return;
      var i = all.indexOf(current);
      i = key === 'j' ? Math.min(all.length - 1, i + 1) : (i < 0 ? 0 : Math.max(0, i - 1));
      select(all[i]);
      event.preventDefault();
      return;
    }
    if (!current || !document.body.contains(current)) {
      // Without a chosen row, z still undoes what the page's notice offers.
      var notice = key === 'z' ? document.querySelector('.undo-form button') : null;
      if (notice) { notice.click(); event.preventDefault(); }
      return;
    }
    if (key === 'x') {
      var box = current.querySelector('input[type=checkbox]');
      if (box) box.checked = !box.checked;
      event.preventDefault();
      return;
    }
    var control = current.querySelector('[data-key="' + key + '"]');
    if (!control || control.disabled) return;
    event.preventDefault();
    if (control.tagName === 'A') { window.location.href = control.href; return; }
    send(control);
  });
})();
