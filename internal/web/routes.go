package web

import "net/http"

// routes lists every route of the server, top to bottom. Every /api/v1
// route is described in openapi.json (a test checks that the two agree).
// Reads of catalogues and of published runs are open; everything else asks
// auth.Can inside its handler, with a Resource filled from the store.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()

	mux.HandleFunc("GET /healthz", s.healthGet)

	// Browser login: a form, a session cookie, CSRF checked by origin.
	mux.HandleFunc("GET /login", s.loginForm)
	mux.HandleFunc("POST /login", s.loginCreate)
	mux.HandleFunc("POST /logout", s.logoutCreate)

	// JSON API.
	mux.HandleFunc("GET /api/v1/openapi.json", s.openapiGet)
	mux.Handle("GET /api/v1/me", s.api(s.meGet))
	mux.Handle("POST /api/v1/tokens", s.api(s.tokenCreate))
	mux.Handle("GET /api/v1/tokens", s.api(s.tokenList))
	mux.Handle("DELETE /api/v1/tokens/{id}", s.api(s.tokenDelete))

	mux.Handle("GET /api/v1/units", s.api(s.unitList))
	mux.Handle("PUT /api/v1/units", s.api(s.unitPut))
	mux.Handle("GET /api/v1/units/{code}", s.api(s.unitGet))
	mux.Handle("GET /api/v1/indicators", s.api(s.indicatorList))
	mux.Handle("PUT /api/v1/indicators", s.api(s.indicatorPut))
	mux.Handle("GET /api/v1/indicators/{code}", s.api(s.indicatorGet))
	mux.Handle("GET /api/v1/periods", s.api(s.periodList))

	mux.Handle("GET /api/v1/observations", s.api(s.observationList))
	mux.Handle("POST /api/v1/observations", s.api(s.observationImport))
	mux.Handle("POST /api/v1/observations/status", s.api(s.observationStatus))
	mux.Handle("GET /api/v1/events", s.api(s.eventList))
	mux.Handle("POST /api/v1/events", s.api(s.eventCreate))
	mux.Handle("GET /api/v1/revisions", s.api(s.revisionList))
	mux.Handle("GET /api/v1/revisions/{id}", s.api(s.revisionGet))

	mux.Handle("GET /api/v1/methods", s.api(s.methodList))
	mux.Handle("POST /api/v1/methods", s.api(s.methodCreate))
	mux.Handle("GET /api/v1/methods/{id}", s.api(s.methodGet))

	mux.Handle("GET /api/v1/runs", s.api(s.runList))
	mux.Handle("POST /api/v1/runs", s.api(s.runCreate))
	mux.Handle("GET /api/v1/runs/{id}", s.api(s.runGet))
	mux.Handle("POST /api/v1/runs/{id}/transitions", s.api(s.runTransition))
	mux.Handle("GET /api/v1/runs/{id}/history", s.api(s.runHistory))
	mux.Handle("PUT /api/v1/runs/{id}/visibility", s.api(s.runVisibility))
	mux.Handle("GET /api/v1/runs/{id}/results", s.api(s.resultList))

	mux.Handle("GET /api/v1/audit", s.api(s.auditExport))
	mux.Handle("GET /api/v1/users", s.api(s.userList))
	mux.Handle("POST /api/v1/users", s.api(s.userCreate))
	mux.Handle("GET /api/v1/users/{username}", s.api(s.userGet))
	mux.Handle("PUT /api/v1/users/{username}/password", s.api(s.userPassword))
	mux.Handle("PUT /api/v1/users/{username}/role", s.api(s.userRole))
	mux.Handle("PUT /api/v1/users/{username}/disabled", s.api(s.userDisable))

	// Anything else under the API is a JSON 404, not the mux's text one.
	mux.Handle("/api/", s.api(func(w http.ResponseWriter, r *http.Request) error { return notFound(r.URL.Path) }))
	// Pages: the browser pages (page_*.go, templates/, static/). Every page
	// handler goes through s.page, which renders its error as an HTML page.
	mux.Handle("GET /static/", s.staticGet())
	mux.HandleFunc("GET /lang", s.langSet)
	mux.Handle("GET /{$}", s.page(s.dashboardGet))
	mux.Handle("GET /rankings", s.page(s.rankingsGet))
	mux.Handle("GET /rankings.xlsx", s.page(s.rankingsXLSX))
	mux.Handle("GET /counties", s.page(s.countiesList))
	mux.Handle("GET /notice", s.page(s.noticeGet))
	mux.Handle("GET /notice.pdf", s.page(s.noticePDF))
	mux.Handle("GET /notice.xlsx", s.page(s.noticeXLSX))
	mux.Handle("GET /admin/map", s.page(s.adminMapGet))
	mux.Handle("POST /admin/map", s.page(s.adminMapPost))
	// Any other path is the browser's 404 page.
	mux.Handle("/", s.page(s.notFoundPage))
	// End of Pages.

	// Pages: county, method, runs, data (page_county*.go, page_method*.go,
	// page_runs*.go, page_data*.go). Forms post to page routes, which
	// redirect (303) after a change.
	mux.Handle("GET /counties/{code}", s.page(s.countyGet))
	mux.Handle("GET /method", s.page(s.methodPage))
	mux.Handle("GET /runs", s.page(s.runsGet))
	mux.Handle("POST /runs", s.page(s.runsCreate))
	mux.Handle("GET /runs/compare", s.page(s.runsCompare))
	mux.Handle("GET /runs/{id}/robustness", s.page(s.runsRobustness))
	mux.Handle("POST /runs/{id}/state", s.page(s.runsState))
	mux.Handle("POST /runs/{id}/visibility", s.page(s.runsVisibility))
	mux.Handle("GET /data", s.page(s.dataGet))
	mux.Handle("GET /data/template.xlsx", s.page(s.dataTemplate))
	mux.Handle("POST /data/import", s.page(s.dataImport))
	// End of Pages: county, method, runs, data.

	return mux
}
