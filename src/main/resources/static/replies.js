// Progressive enhancement: "Reply" moves the form under the reply instead of reloading the page.
// Without script the link's ?replyto= address does the same on the server.
document.addEventListener('click', function (event) {
  var link = event.target.closest('a.reply-link');
  var respond = document.getElementById('respond');
  if (!link || !respond) return;
  event.preventDefault();
  var parent = respond.querySelector('input[name=comment_parent]');
  parent.value = link.dataset.replyTo;
  link.closest('article').after(respond);
  var title = document.getElementById('reply-title');
  title.firstChild.textContent = 'Leave a Reply to ' + link.dataset.author + ' ';
  document.getElementById('comment').focus();
});
