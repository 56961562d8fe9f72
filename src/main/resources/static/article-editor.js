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

// Pictures: upload without leaving the page (the file stays chosen and every field kept when the server says
// what to fix), drop a file on the upload area, choose the new picture as the lead, or put its Markdown in the text.
(function () {
  var upload = document.getElementById('media-upload');
  var list = document.querySelector('[data-picture-list]');
  var status = document.querySelector('[data-upload-status]');
  var file = document.getElementById('media-file');
  var zone = document.querySelector('[data-drop-zone]');
  var body = document.getElementById('body');
  if (!upload || !list || !file) return;

  function insert(markdown) {
    if (!body) return;
    var at = body.selectionStart || body.value.length;
    var before = body.value.slice(0, at);
    var after = body.value.slice(at);
    var gap = before && !/\n\n$/.test(before) ? (/\n$/.test(before) ? '\n' : '\n\n') : '';
    body.value = before + gap + markdown + '\n\n' + after;
    body.dispatchEvent(new Event('input'));
    body.focus();
  }

  list.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-insert]');
    if (button) insert(button.dataset.insert);
  });

  function clearErrors() {
    document.querySelectorAll('.upload-error').forEach(function (e) { e.remove(); });
    ['media-file', 'media-alt', 'media-caption', 'media-credit'].forEach(function (id) {
      var input = document.getElementById(id);
      if (input) input.removeAttribute('aria-invalid');
    });
  }

  function showError(field, message) {
    var input = document.getElementById('media-' + field) || file;
    var span = document.createElement('span');
    span.className = 'field-error upload-error';
    span.id = 'upload-' + field + '-error';
    span.setAttribute('role', 'alert');
    span.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', span.id);
    input.parentNode.appendChild(span);
  }

  function added(picture) {
    var existing = list.querySelector('input[value="' + picture.id + '"]');
    if (existing) {
      existing.checked = true;
      return;
    }
    var li = document.createElement('li');
    var label = document.createElement('label');
    var radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'leadImage';
    radio.value = picture.id;
    var img = document.createElement('img');
    img.src = picture.src;
    img.srcset = picture.srcset;
    img.sizes = '8rem';
    img.width = picture.width;
    img.height = picture.height;
    img.alt = '';
    var text = document.createElement('span');
    text.textContent = picture.alt;
    label.append(radio, ' ', img, text);
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'link-button';
    button.dataset.insert = picture.markdown;
    button.textContent = 'Insert in text';
    li.append(label, button);
    var none = list.querySelector('li');
    none.after(li);
    // A new upload becomes the lead picture unless one is chosen; the editor can pick another or none.
    var chosen = list.querySelector('input[name=leadImage]:checked');
    if (!chosen || chosen.value === '') radio.checked = true;
  }

  upload.addEventListener('submit', function (event) {
    event.preventDefault();
    clearErrors();
    var alt = document.getElementById('media-alt');
    if (!file.files.length) { showError('file', 'Choose a picture to upload (JPEG, PNG, GIF or WebP).'); return; }
    if (!alt.value.trim()) {
      showError('alt', 'Describe the picture in a few words (alt text) for readers who cannot see it.');
      alt.focus();
      return;
    }
    status.textContent = 'Uploading…';
    fetch(upload.action, { method: 'POST', body: new FormData(upload), credentials: 'same-origin',
                           headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        return response.json().then(function (json) { return { ok: response.ok, json: json }; },
          function () { return { ok: false, json: { errors: { file: 'The upload failed (' + response.status + '). Try again.' } } }; });
      })
      .then(function (result) {
        if (!result.ok) {
          status.textContent = 'Not uploaded: see the fields above.';
          Object.keys(result.json.errors || {}).forEach(function (field) { showError(field, result.json.errors[field]); });
          return;
        }
        added(result.json);
        status.textContent = result.json.existed
          ? 'That picture was already here; it is chosen below.'
          : 'Uploaded: “' + result.json.alt + '”. It is the lead picture unless you choose another; “Insert in text” puts it in the story.';
        file.value = '';
        ['media-alt', 'media-caption', 'media-credit'].forEach(function (id) { document.getElementById(id).value = ''; });
      })
      .catch(function () { status.textContent = 'The upload did not reach the site. Check the connection and try again.'; });
  });

  if (zone) {
    ['dragenter', 'dragover'].forEach(function (name) {
      zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add('dragging'); });
    });
    ['dragleave', 'drop'].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove('dragging'); });
    });
    zone.addEventListener('drop', function (event) {
      event.preventDefault();
      if (!event.dataTransfer || !event.dataTransfer.files.length) return;
      file.files = event.dataTransfer.files;
      status.textContent = 'Ready to upload “' + file.files[0].name + '”: give its alt text, then Upload.';
      document.getElementById('media-alt').focus();
    });
  }
})();
