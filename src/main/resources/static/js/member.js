// A form marked "once" is sent once: a second tap while the phone waits would only repeat it
// (the server's intake key would answer the same claim, but the member would wait twice).
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.classList || !form.classList.contains('once')) {
    return;
  }
  if (form.dataset.sent) {
    event.preventDefault();
    return;
  }
  form.dataset.sent = 'yes';
  var button = form.querySelector('button[data-sending]');
  if (button) {
    button.textContent = button.dataset.sending;
    button.setAttribute('aria-disabled', 'true');
    button.classList.add('sending');
  }
});

// Back to a page the browser kept: its forms may be sent again.
window.addEventListener('pageshow', function (event) {
  if (event.persisted) {
    document.querySelectorAll('form.once').forEach(function (form) {
      delete form.dataset.sent;
    });
  }
});
