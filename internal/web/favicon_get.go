package web

import "net/http"

// faviconGet answers the browsers' implicit /favicon.ico request with a
// permanent redirect to the embedded SVG icon (the pages link it too), so
// that no request of a page ends in a 404.
func faviconGet(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "public, max-age=86400")
	http.Redirect(w, r, "/static/favicon.svg?v="+staticVersion(), http.StatusMovedPermanently)
}
