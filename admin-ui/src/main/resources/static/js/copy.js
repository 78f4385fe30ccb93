// The copy button beside a one-time secret.
document.querySelectorAll('button[data-copy]').forEach(function (button) {
  button.addEventListener('click', function () {
    var text = document.querySelector(button.getAttribute('data-copy')).textContent.trim();
    navigator.clipboard.writeText(text).then(function () {
      button.textContent = 'Copied';
    }, function () {
      button.textContent = 'Select and copy by hand';
    });
  });
});
