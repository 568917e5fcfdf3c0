// Records, from the first moment of a test page, what the hardening tests assert never happens: CSP violations,
// uncaught errors and rejections, console errors, and calls of the XSS trap. An external classic script, so it
// runs under the strict CSP too.
(function () {
  var seen = { violations: [], errors: [], consoleErrors: [], xss: [] };
  window.__recorded = seen;
  window.__xss = function (n) {
    seen.xss.push(n);
  };
  document.addEventListener('securitypolicyviolation', function (e) {
    seen.violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber + ' ' + (e.sample || ''));
  });
  window.addEventListener('error', function (e) {
    seen.errors.push(String((e.error && e.error.stack) || e.message));
  });
  window.addEventListener('unhandledrejection', function (e) {
    seen.errors.push('unhandled rejection: ' + String((e.reason && e.reason.stack) || e.reason));
  });
  var error = console.error;
  console.error = function () {
    seen.consoleErrors.push(Array.prototype.map.call(arguments, String).join(' '));
    return error.apply(console, arguments);
  };
})();
