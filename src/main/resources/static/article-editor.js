// Progressive enhancement: the preview follows the text as it is typed. Without script the form's "Preview"
// button renders the same preview on the server.
(function () {
  var body = document.querySelector('textarea[data-preview]');
  var preview = document.getElementById('preview');
  if (!body || !preview) return;
  var csrf = body.form.querySelector('input[name=csrf]').value;
  var timer = null;
  var sent = 0;
  function update() {
    var mine = ++sent;
    var data = new URLSearchParams();
    data.set('csrf', csrf);
    data.set('body', body.value);
    fetch(body.dataset.preview, { method: 'POST', body: data, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        // The server sanitized the fragment; a late answer to an older request is dropped.
        if (html !== null && mine === sent) preview.innerHTML = html;
      })
      .catch(function () { /* the Preview button still works */ });
  }
  body.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(update, 300);
  });
})();
