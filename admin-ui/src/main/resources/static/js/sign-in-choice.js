// A native app that signs in with a device code (a TV, a console) has no browser flow and so no
// redirect URIs: while that choice is made, their fields are hidden and disabled (not sent).
(function () {
  var browserOnly = document.querySelectorAll('[data-browser-sign-in]');

  function update() {
    var checked = document.querySelector('input[name="sign_in"]:checked');
    var device = checked !== null && checked.value === 'device';
    browserOnly.forEach(function (part) {
      part.hidden = device;
      part.disabled = device;
    });
  }

  document.querySelectorAll('input[name="sign_in"]').forEach(function (choice) {
    choice.addEventListener('change', update);
  });
  update();
})();
