package web

import (
	_ "embed"
	"net/http"
)

// openapiDoc is the hand-written OpenAPI 3.1 description of /api/v1; a
// test checks that it lists exactly the routes of routes.go.
//
//go:embed openapi.json
var openapiDoc []byte

// openapiGet serves the OpenAPI document. Public.
func (s *Server) openapiGet(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(openapiDoc)
}
