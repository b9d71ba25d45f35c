"""The inline script that loads a page's own script after its first paint.

A page names the script in the loader's ``data-after-paint`` attribute:
``<script type="module" data-after-paint="…/contact-form.js">``. Nothing but
the page and its style sheet is fetched before the page is on the screen;
browsers without Paint Timing load the script at ``load``. The policy allows
the loader by the hash of its text, so pages carry it exactly as it is here.
"""

import rjsmin

AFTER_PAINT_LOADER = rjsmin.jsmin("""
const src = document.querySelector("script[data-after-paint]").dataset.afterPaint;
if ((PerformanceObserver.supportedEntryTypes || []).includes("paint")) {
  new PerformanceObserver((paints, observer) => {
    if (!paints.getEntriesByName("first-contentful-paint").length) return;
    observer.disconnect();
    import(src);
  }).observe({ type: "paint", buffered: true });
} else {
  addEventListener("load", () => import(src));
}
""")
