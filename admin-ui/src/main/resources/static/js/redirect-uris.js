// Checks redirect URIs as they are typed, with the rules of auth-server's admin API (the same
// list as RedirectUriCheck.java). The server checks again; this only shows the reason sooner.
(function () {
  var LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
  var FORBIDDEN = ['javascript', 'data', 'file', 'vbscript', 'about', 'blob'];

  function problem(uri, type) {
    if (uri.length > 2000) return 'longer than 2000 characters';
    if (uri.indexOf('*') >= 0) return 'no wildcards: redirect URIs are matched exactly';
    var match = /^([A-Za-z][A-Za-z0-9+.\-]*):(.*)$/.exec(uri);
    if (!match) return 'must be absolute, with a scheme (https://...)';
    if (uri.indexOf('#') >= 0) return 'no fragment (#...) allowed';
    var scheme = match[1].toLowerCase();
    if (FORBIDDEN.indexOf(scheme) >= 0) return 'the ' + scheme + ' scheme is never allowed';
    if (scheme === 'http' || scheme === 'https') {
      var parsed;
      try { parsed = new URL(uri); } catch (e) { return 'not a valid URI'; }
      if (!parsed.host) return 'needs a host';
      if (parsed.username || parsed.password) return 'no user name or password in the URI';
      if (scheme === 'http' && LOOPBACK.indexOf(parsed.hostname.toLowerCase()) < 0) {
        return 'http only for loopback hosts (localhost, 127.0.0.1, [::1]); use https';
      }
      if (type === 'native' && scheme === 'http' && parsed.hostname.toLowerCase() === 'localhost') {
        return 'native apps use 127.0.0.1 or [::1] rather than localhost (RFC 8252 §8.3); a loopback IP redirect then matches on any port';
      }
      return null;
    }
    if (type !== 'native') return 'private-use schemes are for native apps only; use https';
    if (scheme.indexOf('.') < 0) return 'a private-use scheme must be a reversed domain name, like com.example.app:/callback (RFC 8252 §7.1)';
    return null;
  }

  function check(textarea, list) {
    var type = textarea.getAttribute('data-client-type');
    list.textContent = '';
    textarea.value.split(/\r?\n/).map(function (l) { return l.trim(); }).filter(Boolean).forEach(function (uri) {
      var reason = problem(uri, type);
      if (!reason) return;
      var item = document.createElement('li');
      item.setAttribute('data-uri', uri);
      item.textContent = uri + ': ' + reason;
      list.appendChild(item);
    });
    textarea.setCustomValidity(list.children.length ? 'Some redirect URIs would be refused' : '');
  }

  document.querySelectorAll('textarea[data-redirect-check]').forEach(function (textarea) {
    var list = document.getElementById(textarea.getAttribute('data-problems') || 'redirect-uri-problems');
    textarea.addEventListener('input', function () { check(textarea, list); });
  });
})();
