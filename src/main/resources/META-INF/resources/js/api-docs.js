/* HọcSố API page: Swagger UI renders the OpenAPI document named by the page (web/apiDocs.html). This replaces the
   inline script of Swagger UI's own index page, which the Content-Security-Policy does not allow. */
(function () {
  'use strict';
  var box = document.getElementById('swagger-ui');
  if (!box || typeof window.SwaggerUIBundle !== 'function') { return; }
  window.SwaggerUIBundle({
    url: box.dataset.document,
    domNode: box,
    deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis],
    // the document is ours: no call to the public validator service
    validatorUrl: null
  });
}());
