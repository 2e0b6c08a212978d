/* HọcSố API page: Swagger UI renders the OpenAPI document named by the page (web/apiDocs.html). This replaces the
   inline script of Swagger UI's own index page, which the Content-Security-Policy does not allow. The document
   names the sign-in server's discovery address (openIdConnect), which Swagger UI would fetch from another origin and
   whose login it cannot finish here; on this page the scheme becomes "paste a bearer token", so "Try it out" works
   with a token the person already has. */
(function () {
  'use strict';
  var box = document.getElementById('swagger-ui');
  if (!box || typeof window.SwaggerUIBundle !== 'function') { return; }
  function render(spec) {
    var schemes = (spec.components && spec.components.securitySchemes) || {};
    Object.keys(schemes).forEach(function (name) {
      if (schemes[name].type === 'openIdConnect') {
        schemes[name] = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: box.dataset.bearer };
      }
    });
    window.SwaggerUIBundle({
      spec: spec,
      domNode: box,
      deepLinking: true,
      presets: [window.SwaggerUIBundle.presets.apis],
      // the document is ours: no call to the public validator service
      validatorUrl: null
    });
  }
  fetch(box.dataset.document + '?format=json', { headers: { Accept: 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(render)
    .catch(function () { box.textContent = box.dataset.error; });
}());
