package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/method"
)

type methodRequest struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	TOML    string `json:"toml"`
}

// methodCreate stores a method version after checking it as `qiangxian
// method check` does; its problems come back together with 422, each at its
// line. The same text again under the same name and version is accepted;
// another text is a conflict.
func (s *Server) methodCreate(w http.ResponseWriter, r *http.Request) error {
	c := callerOf(r)
	if err := require(c, auth.Write, auth.Resource{Kind: auth.KindMethod}, "methods"); err != nil {
		return err
	}
	var req methodRequest
	if err := readJSON(w, r, &req); err != nil {
		return err
	}
	if req.Name == "" || req.Version == "" {
		return invalid("bad.methodName")
	}
	if _, err := method.Parse(req.Name+".toml", []byte(req.TOML)); err != nil {
		return err // method.Errors: 422 with every problem at its line
	}
	m, err := s.db.AddMethod(r.Context(), c.actor(), req.Name, req.Version, req.TOML)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, methodOut(m, false))
	return nil
}
